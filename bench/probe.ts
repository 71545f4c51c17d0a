/** What the benchmarks read of a process: start time, idle memory, CPU time, and min / median / max of several runs. */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'

const servers = new Set<ChildProcess>()
let tied = false

/**
 * Ties a server the benchmark started to the benchmark: stopped from outside
 * (Ctrl-C, `kill`, a CI step's deadline), the benchmark stops it too, so that
 * none is left listening to skew the next run.
 */
export function stopsWithBenchmark(child: ChildProcess): ChildProcess {
  if (!tied)
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.once(signal, () => {
        for (const server of servers) server.kill('SIGTERM')
        process.exit(128 + (signal === 'SIGINT' ? 2 : 15))
      })
  tied = true
  servers.add(child)
  child.once('exit', () => servers.delete(child))
  return child
}

/** Spawns `node …args`, times it to its listening line, and reads its RSS after `idleMs` at idle. */
export async function probeStartup(args: readonly string[], env: Record<string, string | undefined>, idleMs = 2000) {
  const started = performance.now()
  const child = stopsWithBenchmark(spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] }))
  await new Promise<void>((resolve) => {
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('listening on')) resolve()
    })
  })
  const ms = performance.now() - started
  await new Promise((resolve) => setTimeout(resolve, idleMs))
  const rssMb = rssOf(child.pid!)
  child.kill('SIGTERM')
  await once(child, 'exit')
  return { ms, rssMb }
}

/** Resident memory of process `pid`, in MB. */
export const rssOf = (pid: number) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1]) / 1024

/** CPU time (user + system) process `pid` has used so far, in ms. */
export function cpuMsOf(pid: number): number {
  // /proc/<pid>/stat: fields 14 and 15 are utime and stime in clock ticks (100 per second on Linux); the name (2) may hold spaces.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

export function stats(values: readonly number[], digits = 1) {
  const sorted = [...values].sort((a, b) => a - b)
  const round = (n: number) => Math.round(n * 10 ** digits) / 10 ** digits
  return { min: round(sorted[0]!), median: round(sorted[Math.floor(sorted.length / 2)]!), max: round(sorted.at(-1)!) }
}

export const triple = ({ min, median, max }: ReturnType<typeof stats>) => `${min} / ${median} / ${max}`
