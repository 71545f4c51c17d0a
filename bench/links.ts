/**
 * What the relay benchmarks share: real, unique link bodies signed before the
 * clock starts, and autocannon driving `/v1/link` with each body sent once.
 */
import autocannon from 'autocannon'
import type { ChallengeResponse, RelayWalletType } from '../src/protocol/relay.js'
import { publishAccount } from '../test/support/chain-standins.js'
import { KITS } from '../test/support/kits.js'
import { urlIn, type Running } from '../test/support/processes.js'
import { emulatedChainsEnv } from '../src/relay/server.js'
import { cpuMsOf, stopsWithBenchmark } from './probe.js'

export const ORIGIN = 'https://bench.example'
export const CONNECTIONS = 16

/** A server under measure: where it listens and its process (for its CPU time). */
export type Server = { url: string; pid: number }
export const serverOf = (r: Running): Server => ({ url: urlIn(r.lines.find((line) => line.includes('listening on'))), pid: r.child.pid! })

/**
 * One benchmark's set-up: fresh Snag credentials that its emulator and the servers it
 * measures share, the relay's environment for `chains` (the emulator at `snag` as Snag and
 * as the chains' nodes, rate limits out of the way, challenges that outlive the
 * pre-signing, logs of errors only), and the processes it starts: each tied to it
 * (`stopsWithBenchmark`), all stopped by `stopAll`.
 */
export function benchRun(chains: string) {
  const credentials = {
    SNAG_API_KEY: `bench-${crypto.randomUUID()}`,
    SNAG_WEBSITE_ID: crypto.randomUUID(),
    SNAG_ORGANIZATION_ID: crypto.randomUUID(),
  }
  const running: Running[] = []
  async function start(starting: Promise<Running>): Promise<Running> {
    const started = await starting
    running.push(started)
    stopsWithBenchmark(started.child)
    return started
  }
  return {
    credentials,
    start,
    /** Starts a server and resolves with where it listens. */
    serve: async (starting: Promise<Running>) => serverOf(await start(starting)),
    stopAll: () => Promise.all(running.map((r) => r.stop())),
    relayEnv: (snag: string, extra: Record<string, string> = {}): Record<string, string> => ({
      ...credentials,
      PORT: '0',
      ALLOWED_ORIGINS: ORIGIN,
      SNAG_API_URL: snag,
      RATE_LIMIT_IP_PER_MINUTE: '100000',
      RATE_LIMIT_WALLET_PER_MINUTE: '100000',
      RATE_LIMIT_SESSION_PER_MINUTE: '100000',
      CHALLENGE_TTL_SECONDS: '3600',
      LOG_LEVEL: 'error',
      ...(emulatedChainsEnv({ CHAINS: chains }, snag) as Record<string, string>),
      ...extra,
    }),
  }
}

/** No step of a run waits forever: a call or a load that hangs fails the run, naming itself. */
export const ASK_MS = 30_000
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no end after ${ms} ms`)), ms)
  })
  return Promise.race([promise, late]).finally(() => clearTimeout(timer))
}

/** A JSON POST from the benchmark's origin, with a session when given. */
export const post = (base: string, path: string, body: unknown, session?: string) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      origin: ORIGIN,
      'content-type': 'application/json',
      ...(session ? { authorization: `Bearer ${session}` } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(ASK_MS),
  })

/**
 * `n` real, unique link bodies answering challenges issued by `base`, made by each
 * chain's test kit; Ultra and Flow accounts are created first on the emulator's
 * stand-ins for their nodes, at `emulatorUrl`.
 */
export async function presign(base: string, chain: RelayWalletType, n: number, emulatorUrl: string): Promise<string[]> {
  const bodies: string[] = []
  for (let i = 0; i < n; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, n - i) }, async () => {
        const wallet = KITS[chain].wallet()
        await publishAccount(emulatorUrl, chain, wallet.address)
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

/**
 * Posts each body once to `/v1/link` over CONNECTIONS connections, for `duration`
 * seconds or until `amount` bodies are sent; a load that hangs fails the run.
 */
export function drive(
  target: Server,
  bodies: string[],
  until: { duration: number } | { amount: number },
  deadlineMs: number,
  what: string,
) {
  let next = 0
  const sent = () => next
  const result = within(
    autocannon({
      url: target.url,
      connections: CONNECTIONS,
      ...until,
      requests: [
        {
          method: 'POST',
          path: '/v1/link',
          headers: { origin: ORIGIN, 'content-type': 'application/json' },
          setupRequest: (request) => ({ ...request, body: bodies[next++] ?? '{}' }),
        },
      ],
    }),
    deadlineMs,
    `${what} ${target.url}`,
  )
  return { result, sent }
}

export type Measured = {
  rps: number
  p50: number
  p99: number
  cpuMsPerLink: number
  /** CPU time the upstream's process (the emulator, when given) spent per link: what the server's calls cost it. */
  upstreamCpuMsPerLink: number
  failed: number
}

/**
 * Drives `/v1/link` for `seconds`, each body sent once; the server's CPU time, and the
 * upstream's when its process is given, are read around the run.
 */
export async function load(target: Server, bodies: string[], seconds: number, upstreamPid?: number): Promise<Measured> {
  const cpuBefore = cpuMsOf(target.pid)
  const upstreamBefore = upstreamPid ? cpuMsOf(upstreamPid) : 0
  const run = drive(target, bodies, { duration: seconds }, seconds * 1000 + ASK_MS, 'load on')
  const result = await run.result
  const cpu = cpuMsOf(target.pid) - cpuBefore
  const upstreamCpu = upstreamPid ? cpuMsOf(upstreamPid) - upstreamBefore : Number.NaN
  if (run.sent() > bodies.length) console.warn(`  ${target.url}: ran out of proofs (raise BENCH_* amounts); figures are low`)
  const failed = result.non2xx + result.errors
  if (failed) console.warn(`  ${target.url}: ${result.non2xx} non-2xx, ${result.errors} errors of ${result.requests.total}`)
  const links = result['2xx']
  return {
    rps: links / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMsPerLink: links ? cpu / links : Number.NaN,
    upstreamCpuMsPerLink: links ? upstreamCpu / links : Number.NaN,
    failed,
  }
}

/** Sends every body once, as fast as `CONNECTIONS` connections go, measuring nothing. */
export async function warm(target: Server, bodies: string[]) {
  await drive(target, bodies, { amount: bodies.length }, 10 * 60_000, 'warm-up of').result
}
