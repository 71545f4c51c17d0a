/**
 * The relay under each runtime it supports, from the relay package's compiled
 * code: Node (its binary), Bun and Deno (their entries, binaries from npm), and
 * Cloudflare Workers (its entry bundled by Vite for workerd, run by Miniflare from
 * npm with the Durable Object store). Each resolves the relay's URL and a stop().
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { startBin, urlIn } from './processes.js'

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url))

export type RunningRelay = { url: string; stop(): Promise<void> }
export type Runtime = 'node' | 'bun' | 'deno' | 'workers'

/** Runs `command` and resolves once it prints a line matching `url` (the relay's listening line by default). */
export async function startListening(
  command: string,
  args: string[],
  env: Record<string, string>,
  { cwd = root(''), url: pattern = /relay listening on (http:\/\/\S+)/ }: { cwd?: string; url?: RegExp } = {},
): Promise<RunningRelay> {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command}: no listening line in 30 s: ${output}`)), 30_000)
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const match = output.match(pattern)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    }
    child.stdout!.on('data', read)
    child.stderr!.on('data', read)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${command} exited with ${code}: ${output}`))
    })
  })
  return {
    url,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGKILL')
      await once(child, 'exit')
    },
  }
}

/** The Worker entry as one module for workerd: Vite resolves the packages' worker/browser builds. */
async function bundleWorker(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'link-wallet-worker-'))
  await build({
    configFile: false,
    root: root(''),
    logLevel: 'warn',
    resolve: { conditions: ['workerd', 'worker', 'browser', 'import', 'default'], mainFields: ['browser', 'module', 'main'] },
    ssr: { noExternal: true, target: 'webworker' },
    build: {
      ssr: root('packages/relay/dist/relay/runtimes/workers.js'),
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: { external: [/^node:/, /^cloudflare:/], output: { entryFileNames: 'worker.js' } },
    },
  })
  return outDir
}

export async function startRuntime(runtime: Runtime, env: Record<string, string>): Promise<RunningRelay> {
  const entry = (name: string) => root(`packages/relay/dist/relay/runtimes/${name}.js`)
  if (runtime === 'node') {
    const relay = await startBin([], env, 1)
    return { url: urlIn(relay.lines[0]), stop: async () => void (await relay.stop()) }
  }
  if (runtime === 'bun') return startListening(root('node_modules/.bin/bun'), [entry('bun')], env)
  if (runtime === 'deno')
    return startListening(root('node_modules/.bin/deno'), ['run', '-A', entry('deno')], { ...env, DENO_NO_UPDATE_CHECK: '1' })

  const { Miniflare } = await import('miniflare')
  const dir = await bundleWorker()
  const { PORT: _port, HOST: _host, ...bindings } = env
  const mf = new Miniflare({
    modules: true,
    scriptPath: join(dir, 'worker.js'),
    modulesRoot: dir,
    compatibilityDate: '2025-09-01',
    compatibilityFlags: ['nodejs_compat'],
    bindings,
    durableObjects: { RELAY_STORE: 'RelayStoreObject' },
    host: '127.0.0.1',
    port: 0,
  })
  const url = (await mf.ready).origin
  return { url, stop: () => mf.dispose() }
}
