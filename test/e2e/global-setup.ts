/**
 * Builds the demo, serves it, and starts `link-wallet-relay --emulate` (relay and
 * emulator in one process) as a user would, for every end-to-end test.
 */
import { fileURLToPath } from 'node:url'
import { build, preview } from 'vite'
import type { TestProject } from 'vitest/node'
import { startBin, urlIn } from '../support/processes.js'

declare module 'vitest' {
  export interface ProvidedContext {
    stack: { demo: string; relay: string; emulator: string; hostTokenSecret: string }
  }
}

const configFile = fileURLToPath(new URL('../../vite.config.ts', import.meta.url))

export default async function setup(project: TestProject) {
  await build({ configFile, logLevel: 'warn' })
  const server = await preview({ configFile, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0 } })
  const demo = new URL(server.resolvedUrls!.local[0]!).origin

  const hostTokenSecret = `e2e-host-secret-${crypto.randomUUID()}`
  const relay = await startBin(['--emulate'], { PORT: '0', ALLOWED_ORIGINS: demo, LOG_LEVEL: 'warn', HOST_TOKEN_SECRET: hostTokenSecret }, 2)
  project.provide('stack', { demo, relay: urlIn(relay.lines[0]), emulator: urlIn(relay.lines[1]), hostTokenSecret })

  return async () => {
    await relay.stop()
    await server.close()
  }
}
