/**
 * Builds the demo, serves it, and starts `link-wallet-relay --emulate` (relay and
 * emulator in one process) as a user would, for every end-to-end test.
 */
import { execFileSync } from 'node:child_process'
import { cp } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { build, preview } from 'vite'
import type { TestProject } from 'vitest/node'
import { startBin, urlIn } from '../support/processes.js'

declare module 'vitest' {
  export interface ProvidedContext {
    stack: { demo: string; relay: string; emulator: string; hostTokenSecret: string }
  }
}

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url))
const configFile = root('vite.config.ts')

export const FRAMEWORKS = ['react', 'vue', 'svelte'] as const

/** The widget as the package ships it, the demo, each framework example beside the demo, and the relay package. */
async function buildAll() {
  await build({ configFile, mode: 'lib', logLevel: 'warn' })
  await build({ configFile, logLevel: 'warn' })
  for (const framework of FRAMEWORKS)
    await build({
      configFile: root(`examples/${framework}/vite.config.ts`),
      root: root(`examples/${framework}`),
      base: `/examples/${framework}/`,
      logLevel: 'warn',
      build: { outDir: root(`dist/demo/examples/${framework}`), emptyOutDir: true },
    })
  await cp(root('examples/plain-html/index.html'), root('dist/demo/examples/plain-html/index.html'))
  await cp(root('dist/lib'), root('dist/demo/examples/plain-html/link-wallet'), { recursive: true })
  // The relay package: compiled JavaScript and the demo it serves under --demo (`npm run build:relay`).
  execFileSync(process.execPath, [root('node_modules/typescript/bin/tsc'), '-p', root('tsconfig.relay.json')])
  execFileSync(process.execPath, [root('scripts/copy-demo.mjs')])
}

export default async function setup(project: TestProject) {
  await buildAll()
  const server = await preview({ configFile, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0 } })
  const demo = new URL(server.resolvedUrls!.local[0]!).origin

  const hostTokenSecret = `e2e-host-secret-${crypto.randomUUID()}`
  const relay = await startBin(
    ['--emulate'],
    { PORT: '0', ALLOWED_ORIGINS: demo, LOG_LEVEL: 'warn', HOST_TOKEN_SECRET: hostTokenSecret },
    2,
  )
  project.provide('stack', { demo, relay: urlIn(relay.lines[0]), emulator: urlIn(relay.lines[1]), hostTokenSecret })

  return async () => {
    await relay.stop()
    await server.close()
  }
}
