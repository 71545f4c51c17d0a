/**
 * `npm run bench:scale`: the relay's cost per link stays flat as Snag and accounts
 * grow, and links leave nothing behind in its memory (issue 18: "keep it so").
 * Solana proofs, the cheapest to check, so that the relay's own work shows most.
 * Each part against a baseline measured in the same run, min / median / max of
 * BENCH_RUNS runs:
 *
 * 1. Snag holding 50,000 users (in groups of five) against Snag holding none:
 *    first links through two relay processes alike, one per emulator, loaded in
 *    turn (links/s, relay CPU ms per link).
 * 2. Accounts of 10, 25 and 50 wallets against an account of one: a wallet linked
 *    into the account with its session and unlinked again, one pair at a time
 *    (relay CPU ms and wall ms per pair).
 * 3. 20,000 first links and the relay's live heap (read after a full collection by
 *    bench/scale/heap-probe.ts): before them, after each 5,000, and once the
 *    sessions and challenges they made have expired (TTLs at their least, 60 s and
 *    30 s) and the store has swept them.
 *
 * The emulators come from bench/scale/emulator.ts (the binary's emulator with a
 * group limit above 50 and users made before it listens), proof checks off.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import type { LinkResponse } from '../src/protocol/relay.js'
import { BIN, startBin, startNode } from '../test/support/processes.js'
import { benchRun, drive, load, post, presign as presignFor, serverOf, warm, type Measured, type Server } from './links.js'
import { cpuMsOf, rssOf, stats, triple } from './probe.js'
import { report } from './report.js'

const RUNS = Number(process.env.BENCH_RUNS ?? 3)
/** Seconds of load per run in part 1. */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3)
const USERS = 50_000
/** Proofs pre-signed per run and relay in part 1: more than a run uses here. */
const PER_RUN = 8000
const SIZES = [1, 10, 25, 50] as const
const PAIRS = 100
const LEAK_ROUNDS = 4
const LEAK_ROUND = 5000
const SESSION_TTL_SECONDS = 60
const CHALLENGE_TTL_SECONDS = 30
const CHAIN = 'solana'

const { credentials: creds, start, serve, stopAll, relayEnv } = benchRun(CHAIN)

const emulatorHolding = async (users: number) =>
  serve(
    startNode(
      ['bench/scale/emulator.ts'],
      { ...creds, SCALE_USERS: String(users), SCALE_GROUP_LIMIT: String(SIZES.at(-1)! + 1) },
      1,
      120_000,
    ),
  )

async function linkOne(relay: Server, body: string, session?: string): Promise<LinkResponse> {
  const response = await post(relay.url, '/v1/link', body, session)
  if (!response.ok) throw new Error(`link through ${relay.url}: ${response.status} ${await response.text()}`)
  return (await response.json()) as LinkResponse
}

const ratios = (over: readonly number[], under: readonly number[]) =>
  triple(
    stats(
      over.map((value, i) => value / under[i]!),
      2,
    ),
  )
const cell = (values: readonly number[], digits = 2) => triple(stats(values, digits))
const summary: Record<string, string | number>[] = []
/** The summary's column: ratios of the runs, or the one figure of part 3. */
const RESULT = 'min / median / max (or the figure)'

try {
  // ── 1. Snag's size ──────────────────────────────────────────────────────────
  console.log(`Snag holding ${USERS} users: making them…`)
  const emulators = { none: await emulatorHolding(0), full: await emulatorHolding(USERS) }
  const snag = { none: emulators.none.url, full: emulators.full.url }
  const relays = {
    none: await serve(startBin([], relayEnv(snag.none), 1)),
    full: await serve(startBin([], relayEnv(snag.full), 1)),
  }
  const presign = (which: keyof typeof snag, n: number) => presignFor(relays[which].url, CHAIN, n, snag[which])
  for (const which of ['none', 'full'] as const) await warm(relays[which], await presign(which, 2000))
  const bySnag = { none: [] as Measured[], full: [] as Measured[] }
  const emulatorCpu = { none: [] as number[], full: [] as number[] }
  for (let run = 0; run < RUNS; run++) {
    console.log(`Snag's size, run ${run + 1} of ${RUNS}…`)
    const bodies = { none: await presign('none', PER_RUN), full: await presign('full', PER_RUN) }
    // Which goes first alternates, so that neither always meets a warmer machine.
    for (const which of run % 2 ? (['full', 'none'] as const) : (['none', 'full'] as const)) {
      const before = cpuMsOf(emulators[which].pid)
      const measured = await load(relays[which], bodies[which], SECONDS)
      bySnag[which].push(measured)
      emulatorCpu[which].push((cpuMsOf(emulators[which].pid) - before) / (measured.rps * SECONDS))
    }
  }
  const snagRows = (['none', 'full'] as const).map((which) => ({
    'Snag holds': which === 'none' ? 0 : USERS,
    'links/s': cell(
      bySnag[which].map((m) => m.rps),
      0,
    ),
    'p50 ms': cell(
      bySnag[which].map((m) => m.p50),
      0,
    ),
    'relay CPU ms/link': cell(bySnag[which].map((m) => m.cpuMsPerLink)),
    'emulator CPU ms/link': cell(emulatorCpu[which]),
  }))
  console.table(snagRows)
  const rps = (which: keyof typeof bySnag) => bySnag[which].map((m) => m.rps)
  const cpu = (which: keyof typeof bySnag) => bySnag[which].map((m) => m.cpuMsPerLink)
  summary.push(
    { check: `links/s, Snag holding ${USERS} users ÷ none`, [RESULT]: ratios(rps('full'), rps('none')) },
    { check: `relay CPU per link, Snag holding ${USERS} users ÷ none`, [RESULT]: ratios(cpu('full'), cpu('none')) },
  )

  // ── 2. The account's size ───────────────────────────────────────────────────
  const relay = relays.none
  /** Relay CPU ms and median wall ms per link-and-unlink pair, into an account holding `size` wallets. */
  async function pairs(session: string, size: number): Promise<{ cpu: number; ms: number }> {
    const bodies = await presign('none', PAIRS)
    const times: number[] = []
    const before = cpuMsOf(relay.pid)
    for (const body of bodies) {
      const started = performance.now()
      const linked = await linkOne(relay, body, session)
      if (linked.wallets.length !== size + 1) throw new Error(`an account of ${size}: the link listed ${linked.wallets.length} wallets`)
      const unlinked = await post(relay.url, '/v1/unlink', { userId: linked.wallet.userId }, session)
      if (!unlinked.ok) throw new Error(`unlink: ${unlinked.status} ${await unlinked.text()}`)
      times.push(performance.now() - started)
    }
    return { cpu: (cpuMsOf(relay.pid) - before) / PAIRS, ms: stats(times, 2).median }
  }
  const byAccount = new Map<number, { cpu: number[]; ms: number[] }>(SIZES.map((size) => [size, { cpu: [], ms: [] }]))
  for (let run = -1; run < RUNS; run++) {
    console.log(run < 0 ? 'Account sizes: warming up…' : `Account sizes, run ${run + 1} of ${RUNS}…`)
    const { session } = await linkOne(relay, (await presign('none', 1))[0]!)
    let size = 1
    for (const target of SIZES) {
      for (const body of await presign('none', target - size)) await linkOne(relay, body, session)
      size = target
      const measured = await pairs(session, size)
      if (run < 0) continue
      byAccount.get(size)!.cpu.push(measured.cpu)
      byAccount.get(size)!.ms.push(measured.ms)
    }
  }
  const one = byAccount.get(1)!
  const accountRows = [...byAccount].map(([size, measured]) => ({
    'wallets in the account': size,
    'relay CPU ms per link + unlink': cell(measured.cpu),
    'wall ms per link + unlink (median)': cell(measured.ms),
    'CPU ÷ an account of 1': ratios(measured.cpu, one.cpu),
  }))
  console.table(accountRows)
  for (const size of SIZES.slice(1))
    summary.push({
      check: `relay CPU per link + unlink, account of ${size} ÷ account of 1`,
      [RESULT]: ratios(byAccount.get(size)!.cpu, one.cpu),
    })

  // ── 3. Memory after many links ──────────────────────────────────────────────
  const probe = fileURLToPath(new URL('./scale/heap-probe.ts', import.meta.url))
  const probed = await start(
    startNode(
      ['--expose-gc', '--import', probe, BIN],
      relayEnv(snag.none, { SESSION_TTL_SECONDS: String(SESSION_TTL_SECONDS), CHALLENGE_TTL_SECONDS: String(CHALLENGE_TTL_SECONDS) }),
      1,
    ),
  )
  const leaky = serverOf(probed)
  /** The relay's live heap in MB, after a full collection. */
  async function heap(): Promise<number> {
    const seen = probed.lines.length
    probed.child.kill('SIGUSR2')
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(50)) {
      const line = probed.lines.slice(seen).find((text) => text.startsWith('heap '))
      if (line) return Math.round((Number(line.slice(5)) / 2 ** 20) * 10) / 10
    }
    throw new Error('the relay did not report its heap')
  }
  /** Waits out every session and challenge made so far, then makes one request, whose write sweeps the store. */
  async function expire() {
    console.log(`  waiting ${SESSION_TTL_SECONDS + 2} s for sessions and challenges to expire…`)
    await sleep((SESSION_TTL_SECONDS + 2) * 1000)
    await presignFor(leaky.url, CHAIN, 1, snag.none)
  }
  console.log('Memory: warming up…')
  await warm(leaky, await presignFor(leaky.url, CHAIN, 2000, snag.none))
  await expire()
  const heaps: Record<string, string | number>[] = [
    { after: 'warm-up, then expiry', 'live heap MB': await heap(), 'RSS MB': Math.round(rssOf(leaky.pid)) },
  ]
  const baseline = heaps[0]!['live heap MB'] as number
  for (let round = 1; round <= LEAK_ROUNDS; round++) {
    const bodies = await presignFor(leaky.url, CHAIN, LEAK_ROUND, snag.none)
    const result = await drive(leaky, bodies, { amount: bodies.length }, 10 * 60_000, 'links through').result
    if (result['2xx'] !== LEAK_ROUND) throw new Error(`${LEAK_ROUND - result['2xx']} of ${LEAK_ROUND} links failed`)
    heaps.push({
      after: `${round * LEAK_ROUND} links (their sessions live)`,
      'live heap MB': await heap(),
      'RSS MB': Math.round(rssOf(leaky.pid)),
    })
  }
  await expire()
  const final = await heap()
  heaps.push({ after: `${LEAK_ROUNDS * LEAK_ROUND} links, then expiry`, 'live heap MB': final, 'RSS MB': Math.round(rssOf(leaky.pid)) })
  console.table(heaps)
  summary.push({
    check: `live heap left by ${LEAK_ROUNDS * LEAK_ROUND} links once expired (MB; bytes per link)`,
    [RESULT]: `${Math.round((final - baseline) * 10) / 10} MB; ${Math.round(((final - baseline) * 2 ** 20) / (LEAK_ROUNDS * LEAK_ROUND))} B`,
  })

  console.log(`\nDoes the relay's cost grow? (${RUNS} runs; a ratio of 1 is flat)`)
  await report('scale', summary, { snag: snagRows, accounts: accountRows, heap: heaps, runs: RUNS, seconds: SECONDS, pairs: PAIRS })
} finally {
  await stopAll()
}
