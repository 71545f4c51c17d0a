/**
 * The relay on Node: the one place that turns environment variables into
 * running servers. `--emulate` also starts the emulator in this process and
 * points the relay at it; `--emulator-only` starts just the emulator, for
 * several relays to share. The emulator takes SNAG_* and VELT_* credentials
 * from the environment when set, fresh random ones otherwise.
 */
import { getConnInfo } from '@hono/node-server/conninfo'
import { createEmulator } from '../emulator/app.js'
import { createRelayApp } from './app.js'
import { loadConfig } from './config.js'
import { listen, type Listening } from './listen.js'
import { createRelayLogger } from './logger.js'
import { clientAddress } from './rate-limit.js'
import { createMemoryStore } from './stores/memory.js'
import { createRedisStore } from './stores/redis.js'

type Env = Record<string, string | undefined>

export type StartOptions = {
  env: Env
  mode?: 'relay' | 'emulate' | 'emulator-only'
  /** Written before anything else once each server listens. */
  print?: (line: string) => void
}

export type Started = { relay?: Listening; emulator?: Listening; close(): Promise<void> }

/** Origins the demo's dev server uses, allowed by default under `--emulate`. */
export const DEMO_ORIGINS = 'http://localhost:5173,http://127.0.0.1:5173'

async function startEmulator(env: Env, port: number) {
  const emulator = createEmulator({
    snag: { apiKey: env.SNAG_API_KEY, websiteId: env.SNAG_WEBSITE_ID, organizationId: env.SNAG_ORGANIZATION_ID },
    velt: { apiKey: env.VELT_API_KEY, authToken: env.VELT_AUTH_TOKEN, organizationId: env.VELT_ORGANIZATION_ID },
  })
  const listening = await listen(emulator.app.fetch, env.HOST || '127.0.0.1', port)
  return { emulator, listening }
}

export async function startRelay({ env, mode = 'relay', print = console.log }: StartOptions): Promise<Started> {
  if (mode === 'emulator-only') {
    const { listening } = await startEmulator(env, Number(env.PORT ?? 0))
    print(`snag emulator listening on ${listening.url}`)
    return { emulator: listening, close: () => listening.close() }
  }

  let emulator: Listening | undefined
  let relayEnv = env
  if (mode === 'emulate') {
    const started = await startEmulator(env, Number(env.EMULATOR_PORT ?? 0))
    emulator = started.listening
    const { snag, velt } = started.emulator.settings
    relayEnv = {
      ALLOWED_ORIGINS: DEMO_ORIGINS,
      ...env,
      SNAG_API_URL: emulator.url,
      SNAG_API_KEY: snag.apiKey,
      SNAG_WEBSITE_ID: snag.websiteId,
      SNAG_ORGANIZATION_ID: snag.organizationId,
      VELT_API_URL: emulator.url,
      VELT_API_KEY: velt.apiKey,
      VELT_AUTH_TOKEN: velt.authToken,
      VELT_ORGANIZATION_ID: velt.organizationId,
      VELT_USER_GROUP_ID: env.VELT_USER_GROUP_ID ?? 'link-wallet-demo',
    }
  }
  let config: ReturnType<typeof loadConfig>
  try {
    config = loadConfig(relayEnv)
  } catch (error) {
    await emulator?.close()
    throw error
  }
  const logger = createRelayLogger(env.LOG_LEVEL ?? 'info')
  const store = config.redisUrl ? createRedisStore(config.redisUrl) : createMemoryStore()
  const app = createRelayApp({
    config,
    store,
    logger,
    clientIp: (c) => clientAddress(getConnInfo(c).remote.address, c.req.header('x-forwarded-for'), config.trustProxyHops),
  })
  const relay = await listen(app.fetch, config.host, config.port)
  print(`link-wallet relay listening on ${relay.url}`)
  if (emulator) print(`snag emulator listening on ${emulator.url}`)
  logger.info(
    { chains: config.chains, allowedOrigins: config.allowedOrigins, store: config.redisUrl ? 'redis' : 'memory', emulated: !!emulator },
    'relay started',
  )
  return {
    relay,
    emulator,
    /** Stops taking connections, lets requests under way finish, then releases the store. */
    async close() {
      await relay.close()
      await store.close()
      await emulator?.close()
      logger.info({}, 'relay stopped')
    },
  }
}
