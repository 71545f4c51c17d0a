/**
 * The relay on Node: the one place that turns environment variables into
 * running servers. `--emulate` also starts the emulator in this process and
 * points the relay at it; `--emulator-only` starts just the emulator, for
 * several relays to share; `--emulate --demo` serves the built demo page, the
 * relay and the emulator from one port. The emulator takes SNAG_* and VELT_*
 * credentials from the environment when set, fresh random ones otherwise.
 */
import { getConnInfo } from '@hono/node-server/conninfo'
import { Hono } from 'hono'
import { nodeCrypto } from '../crypto/node.js'
import { createEmulator, type Emulator, type EmulatorOptions } from '../emulator/app.js'
import { fetchInto, type FetchLike } from '../upstream/http.js'
import { createRelayApp } from './app.js'
import { loadConfig, type RelayConfig } from './config.js'
import { listen, type Handler, type Listening } from './listen.js'
import { createRelayLogger } from './logger.js'
import { clientAddress, type ClientIp } from './rate-limit.js'
import { createMemoryStore } from './stores/memory.js'
import { createRedisStore } from './stores/redis.js'

type Env = Record<string, string | undefined>

export type StartOptions = {
  env: Env
  mode?: 'relay' | 'emulate' | 'emulator-only'
  /** With `emulate`: also serve the built demo page, the relay and the emulator on one port. */
  demo?: boolean
  /** Written before anything else once each server listens. */
  print?: (line: string) => void
}

export type Started = { relay?: Listening; emulator?: Listening; close(): Promise<void> }

/** Origins the demo's dev server uses, allowed by default under `--emulate`. */
export const DEMO_ORIGINS = 'http://localhost:5173,http://127.0.0.1:5173'

/** The emulator, with the environment's credentials where it names them. */
function emulatorFrom(env: Env, options: Pick<EmulatorOptions, 'publicDemo'> = {}): Emulator {
  return createEmulator({
    snag: { apiKey: env.SNAG_API_KEY, websiteId: env.SNAG_WEBSITE_ID, organizationId: env.SNAG_ORGANIZATION_ID },
    velt: { apiKey: env.VELT_API_KEY, authToken: env.VELT_AUTH_TOKEN, organizationId: env.VELT_ORGANIZATION_ID },
    verifySignatures: env.EMULATOR_VERIFY_SIGNATURES !== 'false',
    crypto: nodeCrypto,
    ...options,
  })
}

/** The relay's environment pointed at `emulator`, reached at `url`. */
function upstreamEnv(emulator: Emulator, url: string, env: Env): Env {
  const { snag, velt } = emulator.settings
  return {
    SNAG_API_URL: url,
    SNAG_API_KEY: snag.apiKey,
    SNAG_WEBSITE_ID: snag.websiteId,
    SNAG_ORGANIZATION_ID: snag.organizationId,
    VELT_API_URL: url,
    VELT_API_KEY: velt.apiKey,
    VELT_AUTH_TOKEN: velt.authToken,
    VELT_ORGANIZATION_ID: velt.organizationId,
    VELT_USER_GROUP_ID: env.VELT_USER_GROUP_ID ?? 'link-wallet-demo',
  }
}

/** The client's address from the Node socket (and trusted proxy hops); unknown rather than a crash. */
function socketClientIp(hops: number): ClientIp {
  return (c) => {
    let peer: string | undefined
    try {
      peer = getConnInfo(c).remote.address
    } catch {
      peer = undefined
    }
    return clientAddress(peer, c.req.header('x-forwarded-for'), hops)
  }
}

/** The relay app with its Node-side parts: logger, store (Redis when configured), client address. */
function relayFor(config: RelayConfig, env: Env, fetch?: FetchLike) {
  const logger = createRelayLogger(env.LOG_LEVEL ?? 'info')
  const store = config.redisUrl ? createRedisStore(config.redisUrl) : createMemoryStore()
  const app = createRelayApp({ config, store, logger, fetch, crypto: nodeCrypto, clientIp: socketClientIp(config.trustProxyHops) })
  return { app, store, logger }
}

export async function startRelay({ env, mode = 'relay', demo = false, print = console.log }: StartOptions): Promise<Started> {
  if (demo) return startHostedDemo(env, print)
  const host = env.HOST || '127.0.0.1'
  if (mode === 'emulator-only') {
    const listening = await listen(emulatorFrom(env).app.fetch, host, Number(env.PORT ?? 0))
    print(`snag emulator listening on ${listening.url}`)
    return { emulator: listening, close: () => listening.close() }
  }

  let emulator: Listening | undefined
  let relayEnv = env
  if (mode === 'emulate') {
    const emulated = emulatorFrom(env)
    emulator = await listen(emulated.app.fetch, host, Number(env.EMULATOR_PORT ?? 0))
    relayEnv = { ALLOWED_ORIGINS: DEMO_ORIGINS, ...env, ...upstreamEnv(emulated, emulator.url, env) }
  }
  let config: RelayConfig
  try {
    config = loadConfig(relayEnv)
  } catch (error) {
    await emulator?.close()
    throw error
  }
  // Listen first: without PUBLIC_URL, the relay's public URL is the address it listens on (PORT=0 picks it).
  let handler: Handler = () => new Response('starting', { status: 503 })
  const relay = await listen((request, bindings) => handler(request, bindings), config.host, config.port)
  const { app, store, logger } = relayFor({ ...config, publicUrl: config.publicUrl ?? relay.url }, env)
  handler = app.fetch
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

/**
 * `--emulate --demo`: the page, the relay and the emulator from one process on
 * one port, ready for any Node host. The relay allows the page's own origin
 * (PUBLIC_URL behind a proxy, else the address it listens on) and reaches the
 * emulator in-process.
 */
async function startHostedDemo(env: Env, print: (line: string) => void): Promise<Started> {
  const { demoSite, EMULATOR_PREFIX } = await import('./demo-site.js')
  const emulator = emulatorFrom(env, { publicDemo: true })
  let handler: Handler = () => new Response('starting', { status: 503 })
  const server = await listen((request, bindings) => handler(request, bindings), env.HOST || '127.0.0.1', Number(env.PORT ?? 8787))
  const origin = env.PUBLIC_URL ? new URL(env.PUBLIC_URL).origin : server.url
  const emulatorUrl = `${origin}${EMULATOR_PREFIX}`
  let config: RelayConfig
  try {
    config = loadConfig({
      ...env,
      PUBLIC_URL: origin,
      ALLOWED_ORIGINS: [origin, env.ALLOWED_ORIGINS].filter(Boolean).join(','),
      ...upstreamEnv(emulator, `${emulatorUrl}/`, env),
    })
  } catch (error) {
    await server.close()
    throw error
  }
  // The emulator is in this process: the relay reaches it through the same routes, without a network hop.
  const upstream = new Hono().route(EMULATOR_PREFIX, emulator.app)
  const { app, store, logger } = relayFor(config, env, fetchInto(upstream))
  let site: ReturnType<typeof demoSite>
  try {
    site = demoSite({ emulator, relay: app, origin })
  } catch (error) {
    await server.close()
    await store.close()
    throw error
  }
  handler = new Hono().route('/', site).route('/', upstream).route('/', app).fetch
  print(`link-wallet relay listening on ${server.url}`)
  print(`snag emulator listening on ${emulatorUrl}`)
  print(`link-wallet demo at ${origin}/`)
  logger.info({ origin, chains: config.chains }, 'hosted demo started')
  return {
    relay: server,
    async close() {
      await server.close()
      await store.close()
    },
  }
}
