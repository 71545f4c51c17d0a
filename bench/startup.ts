/**
 * `npm run bench:startup`: how long the relay binary takes from spawn to its
 * listening line, and how much memory (RSS) it holds at idle two seconds later,
 * compiled (the relay package's binary) beside the same command line run from
 * TypeScript through tsx, in the same run: min / median / max of several runs.
 */
import { fileURLToPath } from 'node:url'
import { probeStartup, stats, triple } from './probe.js'
import { report } from './report.js'

const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url))
const RUNS = 7
const env = {
  ...process.env,
  PORT: '0',
  ALLOWED_ORIGINS: 'https://app.example',
  SNAG_API_KEY: 'bench-key',
  SNAG_WEBSITE_ID: crypto.randomUUID(),
  SNAG_ORGANIZATION_ID: crypto.randomUUID(),
  LOG_LEVEL: 'warn',
}

const variants = [
  ['compiled (packages/relay/bin)', [root('packages/relay/bin/link-wallet-relay.js')]],
  ['TypeScript through tsx (baseline)', ['--import', 'tsx', root('src/relay/cli.ts')]],
] as const
const rows = []
for (const [name, args] of variants) {
  const runs = []
  for (let i = 0; i < RUNS; i++) runs.push(await probeStartup(args, env))
  const time = stats(runs.map((r) => r.ms))
  const rss = stats(runs.map((r) => r.rssMb))
  rows.push({
    relay: name,
    'start ms (min / median / max)': triple(time),
    'idle RSS MB (min / median / max)': triple(rss),
  })
}
await report('startup', rows, { runs: RUNS })
