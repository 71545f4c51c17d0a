/**
 * `npm run bench:relay`: `/v1/link` per chain, the relay against the floor for the
 * job (bench/floor.ts: a bare node:http server running the same verifier, a `Map` of
 * nonces and one `POST /api/users/connect` over a keep-alive pool), one process each,
 * against one emulator process, in the same run: links/s, p50/p99, CPU ms per link
 * of the server process, and relay ÷ floor, min / median / max of RUNS runs, each
 * chain on fresh servers, each server warmed up first. The
 * verify-only floor (no upstream call) is a second line for reference. Then the
 * relay's start time and idle memory, and two relay processes sharing Redis beside
 * one. Every proof is real and unique, pre-signed before the clock starts.
 *
 * The emulator runs with its own signature checks off (EMULATOR_VERIFY_SIGNATURES=false):
 * in production Snag checks on its own machines, and here they would compete with
 * the relay's for the same CPU. The load generator, the emulator and the server
 * measured share this machine's cores.
 */
import { cpus } from 'node:os'
import type { RelayWalletType } from '../src/protocol/relay.js'
import { startRedis } from '../test/support/redis.js'
import { BIN, startBin, startNode, urlIn } from '../test/support/processes.js'
import { CHAIN_IDS } from '../src/chains/registry.js'
import { emulatedChainsEnv } from '../src/relay/server.js'
import { probeStartup, rssOf, stats, triple } from './probe.js'
import {
  benchRun,
  CONNECTIONS,
  load as loadFor,
  ORIGIN,
  presign as presignFor,
  serverOf,
  warm,
  type Measured,
  type Server,
} from './links.js'
import { report } from './report.js'

const CORES = cpus().length
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
/** Seconds of load per run. */
const DURATION = Number(process.env.BENCH_SECONDS ?? 3)
/**
 * The chains measured (BENCH_CHAINS=evm,solana,…): all ten by default. Ultra and Flow accounts, and
 * Abstract's and Immutable's EVM chains, are the emulator's stand-ins for their nodes (relay and floor ask
 * the same ones, with the same verifier); each Ultra and Flow wallet's account is created there first.
 */
const CHAINS = (process.env.BENCH_CHAINS?.split(',') ?? CHAIN_IDS) as RelayWalletType[]
/** Proofs to pre-sign per run and target: more than a run can use at the rates this machine reaches. */
const AMOUNT = (chain: RelayWalletType) =>
  Number(
    process.env[`BENCH_${chain.toUpperCase()}`] ??
      { evm: 2500, agw: 2500, imx: 2500, substrate: 3000, ultra: 2000, flow_cadence: 3000, solana: 16000, sui: 12000 }[chain as string] ??
      8000,
  )
const { credentials: creds, start, serve, stopAll, relayEnv } = benchRun(CHAINS.join(','))

/** The emulator's URL once it listens: Snag's stand-in, and the chains' nodes' (where Ultra and Flow accounts are created). */
let emulatorUrl = ''
const presign = (base: string, chain: RelayWalletType, n: number) => presignFor(base, chain, n, emulatorUrl)
/** The emulator's process, whose CPU time per link is read beside each server's. */
let emulatorPid: number | undefined
const load = (target: Server, bodies: string[]) => loadFor(target, bodies, DURATION, emulatorPid)

/** Several servers under load at once (their links/s summed), each with its own proofs. */
async function loadTogether(targets: Server[], bodies: string[][]) {
  // The emulator's CPU is not split between the servers: none is read.
  const runs = await Promise.all(targets.map((target, i) => loadFor(target, bodies[i]!, DURATION)))
  return {
    rps: runs.reduce((sum, r) => sum + r.rps, 0),
    p50: Math.max(...runs.map((r) => r.p50)),
    p99: Math.max(...runs.map((r) => r.p99)),
  }
}

const floorEnv = (snag: string, extra: Record<string, string> = {}) => ({
  ...creds,
  ALLOWED_ORIGINS: ORIGIN,
  SNAG_API_URL: snag,
  ...emulatedChainsEnv({ CHAINS: CHAINS.join(',') }, snag),
  ...extra,
})

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits

try {
  const emulator = await start(startBin(['--emulator-only'], { ...creds, PORT: '0', EMULATOR_VERIFY_SIGNATURES: 'false' }, 1))
  const snag = urlIn(emulator.lines[0])
  emulatorUrl = snag
  emulatorPid = emulator.child.pid
  const rows: Record<string, string | number>[] = []
  const summary: Record<string, string | number>[] = []
  /** The relay's resident memory once each chain's load is over. */
  const rssAfter: number[] = []
  for (const chain of CHAINS) {
    const n = AMOUNT(chain)
    // Fresh servers for each chain: what one chain's links leave in the relay's store (its claims and
    // sessions, held for their TTLs, and the collector's work on them) does not weigh on the next chain.
    const started = [
      await start(startBin([], relayEnv(snag), 1)),
      await start(startNode(['bench/floor.ts'], floorEnv(snag), 1)),
      await start(startNode(['bench/floor.ts'], floorEnv(snag, { FLOOR_VERIFY_ONLY: 'true' }), 1)),
    ]
    const [relay, floor, verifyOnly] = started.map(serverOf) as [Server, Server, Server]
    // Each server links a quarter of a run's proofs first, unmeasured: the runs compare code the JIT has compiled.
    console.log(`${chain}: warming up each server…`)
    for (const target of [relay, floor, verifyOnly]) await warm(target, await presign(target.url, chain, Math.ceil(n / 4)))
    const runs: { relay: Measured; floor: Measured; verifyOnly: Measured }[] = []
    for (let run = 0; run < RUNS; run++) {
      console.log(`${chain}, run ${run + 1} of ${RUNS}: pre-signing ${3 * n} proofs…`)
      const bodies = {
        relay: await presign(relay.url, chain, n),
        floor: await presign(floor.url, chain, n),
        verifyOnly: await presign(verifyOnly.url, chain, n),
      }
      // Which goes first alternates, so that neither always meets a warmer machine.
      const order = run % 2 ? (['relay', 'floor', 'verifyOnly'] as const) : (['floor', 'relay', 'verifyOnly'] as const)
      const measured = {} as Record<(typeof order)[number], Measured>
      const targets = { relay, floor, verifyOnly }
      for (const name of order) measured[name] = await load(targets[name], bodies[name])
      runs.push(measured)
    }
    const ratio = stats(
      runs.map((r) => r.relay.rps / r.floor.rps),
      2,
    )
    const line = (target: string, pick: (r: (typeof runs)[number]) => Measured, ratioCell: string | number) => {
      const picked = runs.map(pick)
      const cell = (get: (m: Measured) => number, digits: number) => triple(stats(picked.map(get), digits))
      return {
        chain,
        target,
        processes: 1,
        'links/s': cell((m) => m.rps, 0),
        'p50 ms': cell((m) => m.p50, 0),
        'p99 ms': cell((m) => m.p99, 0),
        'CPU ms/link': cell((m) => m.cpuMsPerLink, 2),
        'emulator CPU ms/link': cell((m) => m.upstreamCpuMsPerLink, 2),
        ratio: ratioCell,
      }
    }
    rows.push(
      line('floor (verify + Map nonce + one connect)', (r) => r.floor, ''),
      line('relay', (r) => r.relay, ratio.min),
      line('verify only (reference)', (r) => r.verifyOnly, ''),
    )
    const beyond = stats(
      runs.map((r) => r.relay.cpuMsPerLink - r.floor.cpuMsPerLink),
      2,
    )
    summary.push({
      chain,
      'relay ÷ floor (min / median / max)': triple(ratio),
      'relay CPU ms/link beyond the floor (min / median / max)': triple(beyond),
      'target ≥ 0.8': ratio.min >= 0.8 ? 'met' : 'not met',
    })
    // Each chain's figures as soon as they are measured, in case a later step fails.
    console.log(`  ${chain}: ${JSON.stringify(summary.at(-1))} ${JSON.stringify(rows.slice(-3))}`)
    rssAfter.push(rssOf(relay.pid))
    await Promise.all(started.map((server) => server.stop()))
  }

  console.log(
    `\n/v1/link (${CONNECTIONS} connections, ${DURATION} s per run, ${RUNS} runs; ${CORES} cores shared with the emulator and the load generator):`,
  )
  console.log('Each cell: min / median / max over the runs; ratio: relay ÷ floor, the lowest of the runs.')
  console.table(summary)

  // Start time and idle memory of the compiled relay, as an operator starts it.
  const starts = []
  for (let i = 0; i < 5; i++) starts.push(await probeStartup([BIN], { ...process.env, ...relayEnv(snag) }))
  const startup = {
    'start ms': triple(stats(starts.map((s) => s.ms))),
    'idle RSS MB': triple(stats(starts.map((s) => s.rssMb))),
    "after a chain's load, RSS MB": triple(stats(rssAfter, 1)),
  }
  console.log('\nThe relay binary: ready in (target ≤ 1000 ms), idle memory (target ≤ 80 MB), over 5 starts:')
  console.table([startup])

  // Two processes sharing Redis beside one with Redis and one with its memory store (the cheapest proofs and EVM's).
  const SCALED = (['solana', 'evm'] as const).filter((c) => CHAINS.includes(c))
  const redis = await startRedis()
  const scaling: Record<string, string | number>[] = []
  try {
    const shared = relayEnv(snag, { REDIS_URL: redis.url })
    const relay = await serve(startBin([], relayEnv(snag), 1))
    const withRedis = [await serve(startBin([], shared, 1)), await serve(startBin([], shared, 1))]
    for (const [i, chain] of SCALED.entries()) {
      if (i === 0) for (const target of [relay, ...withRedis]) await warm(target, await presign(target.url, chain, 2000))
      const n = AMOUNT(chain)
      const figures = { memory: [] as Measured[], one: [] as Measured[], two: [] as number[] }
      for (let run = 0; run < RUNS; run++) {
        console.log(`${chain} on Redis, run ${run + 1} of ${RUNS}…`)
        figures.memory.push(await load(relay, await presign(relay.url, chain, n)))
        figures.one.push(await load(withRedis[0]!, await presign(withRedis[0]!.url, chain, n)))
        const bodies = [await presign(withRedis[0]!.url, chain, n), await presign(withRedis[1]!.url, chain, n)]
        figures.two.push((await loadTogether(withRedis, bodies)).rps)
      }
      const rps = (list: Measured[]) =>
        stats(
          list.map((m) => m.rps),
          0,
        )
      scaling.push({
        chain,
        'memory store, 1 process': triple(rps(figures.memory)),
        'Redis, 1 process': triple(rps(figures.one)),
        'Redis, 2 processes': triple(stats(figures.two, 0)),
        'scaling (2 ÷ 1, medians)': round(stats(figures.two).median / rps(figures.one).median),
        'store CPU ms/link (Redis − memory, medians)': round(
          stats(
            figures.one.map((m) => m.cpuMsPerLink),
            2,
          ).median -
            stats(
              figures.memory.map((m) => m.cpuMsPerLink),
              2,
            ).median,
        ),
      })
    }
  } finally {
    await redis.stop()
  }
  console.log(`\nSeveral processes sharing Redis (${CORES} cores, shared with Redis, the emulator and the load generator):`)
  console.table(scaling)

  console.log('\nEvery figure, per chain and target:')
  await report('relay', rows, { summary, startup, scaling, runs: RUNS, seconds: DURATION, connections: CONNECTIONS })
} finally {
  await stopAll()
}
