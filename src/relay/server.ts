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
import { networkInterfaces } from 'node:os'
import { CHAIN_IDS, CHAINS } from '../chains/registry.js'
import type { AnyChainSpec } from '../chains/spec.js'
import { nodeCrypto } from '../crypto/node.js'
import type { Emulator, EmulatorOptions } from '../emulator/app.js'
import { fetchInto, type FetchLike } from '../upstream/http.js'
import { nodeTransport } from '../upstream/node-transport.js'
import { createRelayApp } from './app.js'
import { loadConfig, loadEmulatorCredentials, loadNodeConfig, loadTogether, type NodeConfig, type RelayConfig } from './config.js'
import { listen, type Handler, type Listening } from './listen.js'
import { createRelayLogger } from './logger.js'
import { peerClientIp } from './rate-limit.js'
import { createMemoryStore } from './stores/memory.js'

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
/** The emulator, loaded only when asked for: a relay in front of Snag never holds it. */
async function emulatorFrom(env: Env, node: NodeConfig, options: Pick<EmulatorOptions, 'publicDemo'> = {}): Promise<Emulator> {
  const credentials = loadEmulatorCredentials(env)
  const { createEmulator } = await import('../emulator/app.js')
  return createEmulator({
    snag: { apiKey: credentials.SNAG_API_KEY, websiteId: credentials.SNAG_WEBSITE_ID, organizationId: credentials.SNAG_ORGANIZATION_ID },
    velt: { apiKey: credentials.VELT_API_KEY, authToken: credentials.VELT_AUTH_TOKEN, organizationId: credentials.VELT_ORGANIZATION_ID },
    verifySignatures: node.EMULATOR_VERIFY_SIGNATURES,
    crypto: nodeCrypto,
    ...options,
  })
}

/** Serves `emulator`; closing ends its open streams first (a server waits for its open responses). */
async function listenEmulator(emulator: Emulator, host: string, port: number): Promise<Listening> {
  const listening = await listen(emulator.app.fetch, host, port)
  return {
    ...listening,
    close() {
      emulator.close()
      return listening.close()
    },
  }
}

/** The relay's environment pointed at `emulator`, reached at `url`. */
function upstreamEnv(emulator: Emulator, url: string, node: NodeConfig): Env {
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
    VELT_USER_GROUP_ID: node.VELT_USER_GROUP_ID,
  }
}

/**
 * Under `--emulate`: every chain on (unless CHAINS says otherwise), each chain that
 * asks a node pointed at the emulator's stand-in for it, served under `standIn`.
 */
export function emulatedChainsEnv(env: Env, standIn: string): Env {
  let out: Env = { ...env, CHAINS: env.CHAINS ?? CHAIN_IDS.join(',') }
  for (const id of CHAIN_IDS) out = { ...out, ...(CHAINS[id] as AnyChainSpec).emulated?.(out, standIn.replace(/\/$/, '')) }
  return out
}

/** The relay app with its Node-side parts: logger, store (Redis when configured), client address. */
async function relayFor(
  config: RelayConfig,
  node: NodeConfig,
  { fetch, rpcFetch, maxLasting }: { fetch?: FetchLike; rpcFetch?: FetchLike; maxLasting?: number } = {},
) {
  const logger = createRelayLogger(node.LOG_LEVEL)
  // The Redis client loads only when REDIS_URL names a server: a relay on its memory store never holds it.
  const store = config.redisUrl ? (await import('./stores/redis.js')).createRedisStore(config.redisUrl) : createMemoryStore({ maxLasting })
  // Snag and Velt over pooled node:http connections, unless the upstream is in this process.
  const transport = fetch ? undefined : nodeTransport()
  const app = createRelayApp({
    config,
    store,
    logger,
    ...(transport ? { transport } : { fetch }),
    rpcFetch,
    crypto: nodeCrypto,
    clientIp: peerClientIp((c) => getConnInfo(c).remote.address, config.trustProxyHops),
  })
  /** Releases what the relay holds: the store's connections and the upstream pool's. */
  const release = async () => {
    transport?.close()
    await store.close()
  }
  return { app, release, logger }
}

export async function startRelay({ env, mode = 'relay', demo = false, print = console.log }: StartOptions): Promise<Started> {
  if (mode === 'relay') {
    // Every problem at once: the relay's own variables and the Node entry's.
    const [node, config] = loadTogether(
      () => loadNodeConfig(env),
      () => loadConfig(env),
    )
    return serveRelay(config, node, undefined, print)
  }
  const node = loadNodeConfig(env)
  if (demo) return startHostedDemo(env, node, print)
  if (mode === 'emulator-only') {
    const listening = await listenEmulator(await emulatorFrom(env, node), node.HOST, node.PORT ?? 0)
    print(`snag emulator listening on ${listening.url}`)
    return { emulator: listening, close: () => listening.close() }
  }

  const emulated = await emulatorFrom(env, node)
  const emulator = await listenEmulator(emulated, node.HOST, node.EMULATOR_PORT)
  let config: RelayConfig
  try {
    config = loadConfig({
      ALLOWED_ORIGINS: DEMO_ORIGINS,
      ...emulatedChainsEnv(env, emulator.url),
      ...upstreamEnv(emulated, emulator.url, node),
    })
  } catch (error) {
    await emulator.close()
    throw error
  }
  return serveRelay(config, node, emulator, print)
}

/** Listens, then builds the relay (its public URL is the address it listens on, without PUBLIC_URL). */
async function serveRelay(
  config: RelayConfig,
  node: NodeConfig,
  emulator: Listening | undefined,
  print: (line: string) => void,
): Promise<Started> {
  // Listen first: without PUBLIC_URL, the relay's public URL is the address it listens on (PORT=0 picks it).
  let handler: Handler = () => new Response('starting', { status: 503 })
  const relay = await listen((request, bindings) => handler(request, bindings), config.host, config.port)
  const { app, release, logger } = await relayFor({ ...config, publicUrl: config.publicUrl ?? relay.url }, node)
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
      await release()
      await emulator?.close()
      logger.info({}, 'relay stopped')
    },
  }
}

/**
 * The origins a page served on `host:port` is opened at: the address itself, or, for an
 * unspecified address (every interface), localhost first (a secure context), 127.0.0.1,
 * [::1] and the machine's own addresses.
 */
export function openableOrigins(host: string, port: number, listening: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [listening]
  const own = Object.values(networkInterfaces())
    .flat()
    .flatMap((nic) => (nic && !nic.internal && (host === '::' || nic.family === 'IPv4') ? [nic] : []))
    .map((nic) => (nic.family === 'IPv6' ? `[${nic.address.split('%')[0]}]` : nic.address))
  return [...new Set(['localhost', '127.0.0.1', ...(host === '::' ? ['[::1]'] : []), ...own])].map((name) => `http://${name}:${port}`)
}

/** Entries without expiry the hosted demo's memory store keeps, at most (its emulator keeps 50,000 users). */
const DEMO_MAX_LASTING = 100_000

/**
 * `--emulate --demo`: the page, the relay and the emulator from one process on
 * one port, ready for any Node host. The relay allows the page's own origin
 * (PUBLIC_URL behind a proxy, else the address it listens on) and reaches the
 * emulator in-process.
 */
async function startHostedDemo(env: Env, node: NodeConfig, print: (line: string) => void): Promise<Started> {
  const { demoSite, EMULATOR_PREFIX, WALLETCONNECT_PATH } = await import('./demo-site.js')
  const { walletConnectRelayUpgrades } = await import('../emulator/walletconnect-relay.js')
  const emulator = await emulatorFrom(env, node, { publicDemo: true })
  // The emulator's WalletConnect relay, on the same port: the page's simulated phone wallet pairs through it.
  const walletConnect = walletConnectRelayUpgrades()
  let handler: Handler = () => new Response('starting', { status: 503 })
  const server = await listen(
    (request, bindings) => handler(request, bindings),
    node.HOST,
    node.PORT ?? 8787,
    (request, socket, head) =>
      new URL(request.url ?? '/', 'http://demo').pathname === WALLETCONNECT_PATH
        ? walletConnect.upgrade(request, socket, head)
        : socket.destroy(),
  )
  // Listening on every address (HOST=0.0.0.0 or ::) without PUBLIC_URL: people open localhost (a secure
  // context, which the page's wallets need) or the machine's own addresses; all of them may use the relay.
  const origins = node.PUBLIC_URL ? [new URL(node.PUBLIC_URL).origin] : openableOrigins(node.HOST, server.port, server.url)
  const origin = origins[0]!
  const emulatorUrl = `${origin}${EMULATOR_PREFIX}`
  let config: RelayConfig
  try {
    config = loadConfig({
      ...emulatedChainsEnv(env, emulatorUrl),
      PUBLIC_URL: origin,
      ALLOWED_ORIGINS: [...origins, env.ALLOWED_ORIGINS].filter(Boolean).join(','),
      ...upstreamEnv(emulator, `${emulatorUrl}/`, node),
    })
  } catch (error) {
    await server.close()
    throw error
  }
  // The emulator is in this process: the relay reaches it through the same routes, without a network hop.
  const upstream = new Hono().route(EMULATOR_PREFIX, emulator.app)
  const inProcess = fetchInto(upstream)
  const { app, release, logger } = await relayFor(config, node, {
    fetch: inProcess,
    // The emulator's chain stand-ins too; any node the operator named is asked over the network.
    rpcFetch: (input, init) => (String(input).startsWith(`${emulatorUrl}/`) ? inProcess(input, init) : fetch(input, init)),
    // What never expires (a profile copy per user, host users' accounts) is bounded too: anyone may link.
    maxLasting: DEMO_MAX_LASTING,
  })
  let site: ReturnType<typeof demoSite>
  try {
    site = demoSite({ emulator, relay: app, origin })
  } catch (error) {
    await server.close()
    await release()
    throw error
  }
  handler = new Hono().route('/', site).route('/', upstream).route('/', app).fetch
  print(`link-wallet relay listening on ${server.url}`)
  print(`snag emulator listening on ${emulatorUrl}`)
  print(`link-wallet demo at ${origin}/`)
  if (origins.length > 1)
    print(
      `  also at ${origins
        .slice(1)
        .map((other) => `${other}/`)
        .join(', ')}`,
    )
  logger.info({ origin, chains: config.chains }, 'hosted demo started')
  return {
    relay: server,
    async close() {
      await walletConnect.close()
      emulator.close()
      await server.close()
      await release()
    },
  }
}
