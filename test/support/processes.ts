/** Start the project's own programs as child processes and read what they print. */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

/** The relay package's binary: compiled JavaScript (`npm run build:relay`; the e2e setup builds it). */
export const BIN = fileURLToPath(new URL('../../packages/relay/bin/link-wallet-relay.js', import.meta.url))

export type Running = { child: ChildProcess; lines: string[]; stop(): Promise<number | null> }

/**
 * Runs `link-wallet-relay` with `args` and `env`, and resolves once it has printed
 * `count` lines on stdout (or rejects with what it wrote on stderr if it exits).
 */
export function startBin(args: string[], env: Record<string, string>, count: number, timeoutMs = 30_000): Promise<Running> {
  return run([BIN, ...args], env, count, timeoutMs)
}

/** Runs `node …args` (TypeScript through tsx) and resolves once it printed `count` lines. */
export function startNode(args: string[], env: Record<string, string>, count: number, timeoutMs = 30_000): Promise<Running> {
  return run(['--import', 'tsx', ...args], env, count, timeoutMs)
}

async function run(args: string[], env: Record<string, string>, count: number, timeoutMs: number): Promise<Running> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const reader = createInterface({ input: child.stdout! })
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${count} lines within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs)
    reader.on('line', (line) => {
      lines.push(line)
      if (lines.length === count) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`exited with ${code} before printing ${count} lines; stderr: ${stderr}`))
    })
  })
  return {
    child,
    lines,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode
      child.kill('SIGTERM')
      const [code] = (await once(child, 'exit')) as [number | null]
      return code
    },
  }
}

/** The URL at the end of a `… listening on http://…` line. */
export function urlIn(line: string | undefined): string {
  const match = line?.match(/listening on (http:\/\/\S+)$/)
  if (!match?.[1]) throw new Error(`not a listening line: ${line}`)
  return match[1]
}
