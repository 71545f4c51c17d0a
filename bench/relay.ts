/**
 * `npm run bench:relay`: `/v1/link` throughput and latency per chain, against the
 * relay with the emulator as upstream, with one process and with one per core; the
 * floor (a bare Hono app that only parses and verifies the same proofs) in the same
 * run; and the relay's added latency over its upstream calls. Every proof is real
 * and unique, pre-signed before the clock starts.
 *
 * The emulator runs with its own signature checks off (EMULATOR_VERIFY_SIGNATURES=false):
 * in production Snag checks on its own machines, and here they would compete with
 * the relay's for the same CPU.
 */
import autocannon from 'autocannon'
import { cpus } from 'node:os'
import type { ChallengeResponse, RelayWalletType } from '../src/protocol/relay.js'
import { startBin, startNode, urlIn, type Running } from '../test/support/processes.js'
import { KITS } from '../test/support/kits.js'
import { report } from './report.js'

const ORIGIN = 'https://bench.example'
const CORES = cpus().length
/** Seconds of load per run; proofs per chain and target: more than a run can use at the rates this machine reaches. */
const DURATION = Number(process.env.BENCH_SECONDS ?? 4)
/** Proofs to pre-sign per chain (BENCH_<CHAIN>), more than a run can use at the rates this machine reaches. */
const AMOUNT = (chain: RelayWalletType) =>
  Number(process.env[`BENCH_${chain.toUpperCase()}`] ?? { evm: 1400, solana: 9000, ton: 5000 }[chain as string] ?? 3000)
const CONNECTIONS = 16
const creds = {
  SNAG_API_KEY: `bench-${crypto.randomUUID()}`,
  SNAG_WEBSITE_ID: crypto.randomUUID(),
  SNAG_ORGANIZATION_ID: crypto.randomUUID(),
}

const running: Running[] = []
const start = async (p: Promise<Running>) => {
  const r = await p
  running.push(r)
  return r
}

const post = (base: string, path: string, body: unknown) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify(body) })

/** `n` real, unique link bodies answering challenges issued by `base`, made by each chain's test kit. */
async function presign(base: string, chain: RelayWalletType, n: number): Promise<string[]> {
  const bodies: string[] = []
  for (let i = 0; i < n; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, n - i) }, async () => {
        const wallet = KITS[chain].wallet()
        const response = await post(base, '/v1/challenge', wallet.challengeRequest())
        if (!response.ok) throw new Error(`challenge from ${base}: ${response.status} ${await response.text()}`)
        const challenge = (await response.json()) as ChallengeResponse
        return { walletType: chain, walletAddress: wallet.address, verificationData: await wallet.prove(challenge) }
      }),
    )
    bodies.push(...batch.map((body) => JSON.stringify(body)))
  }
  return bodies
}

/** Drives `/v1/link` for DURATION seconds (or through `amount` bodies), each body sent once. */
async function load(base: string, bodies: string[], connections = CONNECTIONS, amount?: number) {
  let next = 0
  const result = await autocannon({
    url: base,
    connections,
    ...(amount ? { amount } : { duration: DURATION }),
    requests: [
      {
        method: 'POST',
        path: '/v1/link',
        headers: { origin: ORIGIN, 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: bodies[next++] ?? '{}' }),
      },
    ],
  })
  if (next > bodies.length) console.warn(`  ${base}: ran out of proofs (raise BENCH_* amounts); figures are low`)
  else if (result.non2xx || result.errors)
    console.warn(`  ${base}: ${result.non2xx} non-2xx, ${result.errors} errors of ${result.requests.total}`)
  return { ...result, rps: result['2xx'] / (amount ? result.duration : DURATION) }
}

const relayEnv = (snag: string) => ({
  ...creds,
  PORT: '0',
  ALLOWED_ORIGINS: ORIGIN,
  SNAG_API_URL: snag,
  RATE_LIMIT_IP_PER_MINUTE: '100000',
  RATE_LIMIT_WALLET_PER_MINUTE: '100000',
  CHALLENGE_TTL_SECONDS: '3600',
  LOG_LEVEL: 'error',
})

try {
  const emulator = await start(startBin(['--emulator-only'], { ...creds, PORT: '0', EMULATOR_VERIFY_SIGNATURES: 'false' }, 1))
  const snag = urlIn(emulator.lines[0])
  const relays = await Promise.all(Array.from({ length: Math.max(2, CORES) }, () => start(startBin([], relayEnv(snag), 1))))
  const bases = relays.map((r) => urlIn(r.lines[0]))
  const floor = urlIn((await start(startNode(['bench/floor.ts'], { ALLOWED_ORIGINS: ORIGIN }, 1))).lines[0])

  const rows: Record<string, string | number>[] = []
  for (const chain of ['evm', 'solana', 'ton'] as const) {
    const n = AMOUNT(chain)
    console.log(`${chain}: pre-signing ${n * (1 + bases.length)} proofs…`)
    const floorBodies = await presign(floor, chain, n)
    const relayBodies: string[][] = []
    for (const base of bases) relayBodies.push(await presign(base, chain, n))
    console.log(`${chain}: load…`)
    const floorRun = await load(floor, floorBodies!)
    const single = await load(bases[0]!, relayBodies[0]!.slice(0, n / 2))
    const multi = await Promise.all(bases.map((base, i) => load(base, relayBodies[i]!.slice(i === 0 ? n / 2 : 0))))
    const multiRps = multi.reduce((sum, r) => sum + r.rps, 0)
    rows.push(
      {
        chain,
        target: 'floor (parse + verify)',
        processes: 1,
        'req/s': Math.round(floorRun.rps),
        'p50 ms': floorRun.latency.p50,
        'p99 ms': floorRun.latency.p99,
        'relay ÷ floor': '',
      },
      {
        chain,
        target: 'relay',
        processes: 1,
        'req/s': Math.round(single.rps),
        'p50 ms': single.latency.p50,
        'p99 ms': single.latency.p99,
        'relay ÷ floor': Math.round((single.rps / floorRun.rps) * 100) / 100,
      },
      {
        chain,
        target: 'relay',
        processes: bases.length,
        'req/s': Math.round(multiRps),
        'p50 ms': Math.max(...multi.map((r) => r.latency.p50)),
        'p99 ms': Math.max(...multi.map((r) => r.latency.p99)),
        'relay ÷ floor': Math.round((multiRps / floorRun.rps) * 100) / 100,
      },
    )
  }

  // The relay's added latency: links one at a time, against the same upstream calls made directly.
  const n = 150
  const linkBodies = await presign(bases[0]!, 'solana', n)
  const sequential = await load(bases[0]!, linkBodies, 1, n)
  let i = 0
  const connectBodies = Array.from({ length: n }, () => {
    const wallet = KITS.solana.wallet()
    return JSON.stringify({
      websiteId: creds.SNAG_WEBSITE_ID,
      organizationId: creds.SNAG_ORGANIZATION_ID,
      walletType: 'solana',
      walletAddress: wallet.address,
      verificationData: { message: 'm', signature: 's' },
    })
  })
  const connect = await autocannon({
    url: snag,
    connections: 1,
    amount: n,
    requests: [
      {
        method: 'POST',
        path: '/api/users/connect',
        headers: { 'content-type': 'application/json', 'X-API-KEY': creds.SNAG_API_KEY },
        setupRequest: (r) => ({ ...r, body: connectBodies[i++ % n] }),
      },
    ],
  })
  const list = await autocannon({
    url: `${snag}/api/users?walletAddress=none`,
    connections: 1,
    amount: n,
    headers: { 'X-API-KEY': creds.SNAG_API_KEY },
  })
  const upstream = { p50: connect.latency.p50 + list.latency.p50, p99: connect.latency.p99 + list.latency.p99 }
  const added = [
    { measure: 'link, one at a time (solana)', 'p50 ms': sequential.latency.p50, 'p99 ms': sequential.latency.p99 },
    { measure: 'the upstream calls it makes (connect + users lookup)', 'p50 ms': upstream.p50, 'p99 ms': upstream.p99 },
    { measure: 'added by the relay', 'p50 ms': sequential.latency.p50 - upstream.p50, 'p99 ms': sequential.latency.p99 - upstream.p99 },
  ]
  console.log(`\n/v1/link throughput (${CONNECTIONS} connections; ${CORES} cores; the emulator and the load generator share them):`)
  await report('relay', rows, { addedLatency: added, connections: CONNECTIONS, seconds: DURATION })
  console.log('\nThe relay’s added latency over its upstream calls:')
  console.table(added)
} finally {
  await Promise.all(running.map((r) => r.stop()))
}
