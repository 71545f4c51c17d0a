/**
 * The relay on Node: the one place that turns environment variables into a
 * running server. `--emulate` also starts the emulator in this process and
 * points the relay at it with fresh random credentials.
 */
import pino from 'pino'
import { createEmulator } from '../emulator/app.js'
import { createRelayApp } from './app.js'
import { loadConfig } from './config.js'
import { listen, type Listening } from './listen.js'

export type StartOptions = {
  env: Record<string, string | undefined>
  emulate?: boolean
  /** Written before anything else once each server listens. */
  print?: (line: string) => void
}

export type Started = { relay: Listening; emulator?: Listening & { state: () => unknown }; close(): Promise<void> }

/** Origins the demo's dev server uses, allowed by default under `--emulate`. */
export const DEMO_ORIGINS = 'http://localhost:5173,http://127.0.0.1:5173'

export async function startRelay({ env, emulate = false, print = console.log }: StartOptions): Promise<Started> {
  const host = env.HOST || '127.0.0.1'
  let emulator: Started['emulator']
  let relayEnv = env
  if (emulate) {
    const emu = createEmulator({
      snag: { apiKey: env.SNAG_API_KEY, websiteId: env.SNAG_WEBSITE_ID, organizationId: env.SNAG_ORGANIZATION_ID },
      velt: { apiKey: env.VELT_API_KEY, authToken: env.VELT_AUTH_TOKEN, organizationId: env.VELT_ORGANIZATION_ID },
    })
    const listening = await listen(emu.app.fetch, host, Number(env.EMULATOR_PORT ?? 0))
    emulator = { ...listening, state: () => emu.state.snapshot() }
    relayEnv = {
      ALLOWED_ORIGINS: DEMO_ORIGINS,
      ...env,
      SNAG_API_URL: listening.url,
      SNAG_API_KEY: emu.settings.snag.apiKey,
      SNAG_WEBSITE_ID: emu.settings.snag.websiteId,
      SNAG_ORGANIZATION_ID: emu.settings.snag.organizationId,
      VELT_API_URL: listening.url,
      VELT_API_KEY: emu.settings.velt.apiKey,
      VELT_AUTH_TOKEN: emu.settings.velt.authToken,
      VELT_ORGANIZATION_ID: emu.settings.velt.organizationId,
      VELT_USER_GROUP_ID: env.VELT_USER_GROUP_ID ?? 'link-wallet-demo',
    }
  }
  const config = loadConfig(relayEnv)
  const logger = pino({
    level: env.LOG_LEVEL ?? 'info',
    redact: { paths: ['*.apiKey', '*.signature', '*.session', 'headers.authorization', 'headers["x-api-key"]'], censor: '[redacted]' },
  })
  const relay = await listen(createRelayApp({ config, logger }).fetch, config.host, config.port)
  print(`link-wallet relay listening on ${relay.url}`)
  if (emulator) print(`snag emulator listening on ${emulator.url}`)
  logger.info({ chains: config.chains, allowedOrigins: config.allowedOrigins, emulated: emulate }, 'relay started')
  return {
    relay,
    emulator,
    async close() {
      await relay.close()
      await emulator?.close()
    },
  }
}
