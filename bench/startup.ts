/**
 * `npm run bench:startup`: how long the relay binary takes from spawn to its
 * listening line, and how much memory (RSS) it holds at idle two seconds later,
 * compiled (the relay package's binary) beside the same command line run from
 * TypeScript through tsx, in the same run: min / median / max of several runs.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
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

async function once_(args: string[]): Promise<{ ms: number; rssMb: number }> {
  const started = performance.now()
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] })
  await new Promise<void>((resolve) => {
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('listening on')) resolve()
    })
  })
  const ms = performance.now() - started
  await new Promise((resolve) => setTimeout(resolve, 2000))
  const rssKb = Number(readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1])
  child.kill('SIGTERM')
  await once(child, 'exit')
  return { ms, rssMb: rssKb / 1024 }
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const round = (n: number) => Math.round(n * 10) / 10
  return { min: round(sorted[0]!), median: round(sorted[Math.floor(sorted.length / 2)]!), max: round(sorted.at(-1)!) }
}

const variants = [
  ['compiled (packages/relay/bin)', [root('packages/relay/bin/link-wallet-relay.js')]],
  ['TypeScript through tsx (baseline)', ['--import', 'tsx', root('src/relay/cli.ts')]],
] as const
const rows = []
for (const [name, args] of variants) {
  const runs = []
  for (let i = 0; i < RUNS; i++) runs.push(await once_([...args]))
  const time = stats(runs.map((r) => r.ms))
  const rss = stats(runs.map((r) => r.rssMb))
  rows.push({
    relay: name,
    'start ms (min / median / max)': `${time.min} / ${time.median} / ${time.max}`,
    'idle RSS MB (min / median / max)': `${rss.min} / ${rss.median} / ${rss.max}`,
  })
}
await report('startup', rows, { runs: RUNS })
