/**
 * `createRelayApp(deps)`: the relay as a Hono app, built only from what it is
 * given (configuration, store, clock, crypto, upstream clients, logger, the
 * client's address, the chains). It uses Web APIs only: it runs on Node through
 * `server.ts` and on any Fetch-API runtime as `app.fetch`, each runtime's entry
 * supplying the store and the client's address; nothing starts at construction.
 */
import { Hono } from 'hono'
import type { AnyServerChain } from '../chains/server-face.js'
import { lazy } from '../chains/lazy.js'
import { SERVER_CHAINS } from '../chains/server-registry.js'
import { webCrypto, type CryptoPort } from '../crypto/port.js'
import { relaySchemas } from '../protocol/relay.js'
import { fetchTransport, type FetchLike, type Transport } from '../upstream/http.js'
import { silentLogger, type Logger } from '../upstream/logger.js'
import { createSnagClient, type SnagClient } from '../upstream/snag.js'
import { createVeltClient, type VeltClient } from '../upstream/velt.js'
import { createAccounts } from './accounts.js'
import { relayChains } from './chains.js'
import { createChallenges } from './challenges.js'
import type { RelayConfig } from './config.js'
import type { RelayEnv } from './env.js'
import { createLocks } from './lock.js'
import { createProfiles } from './profiles.js'
import { authenticate } from './middleware/auth.js'
import { jsonOnly, sizeLimit } from './middleware/body.js'
import { errorHandler, notFound } from './middleware/errors.js'
import { corsFor, originGuard } from './middleware/origin.js'
import { requestLog } from './middleware/request-log.js'
import { createRateLimiter, type ClientIp } from './rate-limit.js'
import { accountRoutes } from './routes/account.js'
import { challengeRoute } from './routes/challenge.js'
import { configRoute } from './routes/config.js'
import { healthRoutes } from './routes/health.js'
import { linkRoute } from './routes/link.js'
import { createMetrics } from './metrics.js'
import { openApiDocument } from './openapi.js'
import { metricsRoute } from './routes/metrics.js'
import { createRpc } from './rpc.js'
import { createSessions } from './sessions.js'
import type { Store } from './stores/types.js'

export type RelayDeps = {
  config: RelayConfig
  /** Shared state: a memory store for one process, Redis (or a Durable Object) for several. */
  store: Store
  /** The client's address for rate limits, as the runtime knows it (the socket on Node). */
  clientIp: ClientIp
  /** Web Crypto unless the runtime has a faster one (Node's entry gives node:crypto). */
  crypto?: CryptoPort
  /** Snag client; built from `config.snag` (with `fetch`) when absent. */
  snag?: SnagClient
  /** Velt client; built from `config.velt` (with `fetch`) when absent and configured. */
  velt?: VeltClient
  /** How the Snag and Velt clients reach their APIs: `transport` when given (Node's entry gives a pooled one), else `fetch` (the global one by default). */
  transport?: Transport
  fetch?: FetchLike
  /** How verifiers reach the chains' RPC endpoints (the global fetch by default). */
  rpcFetch?: FetchLike
  now?: () => number
  logger?: Logger
  /** The chains this relay knows; the registry's by default (`config` must be loaded with the same ones). */
  chains?: readonly AnyServerChain[]
}

export function createRelayApp(deps: RelayDeps) {
  const { config, crypto = webCrypto, now = Date.now, logger = silentLogger } = deps
  const metrics = createMetrics()
  const store = metrics.timedStore(deps.store)
  let warned = false
  const clientIp: ClientIp = (c) => {
    const address = deps.clientIp(c)
    if (address === undefined && !warned) {
      warned = true
      logger.warn({}, 'client address unknown: requests without one share a single per-address rate limit (give createRelayApp a clientIp)')
    }
    return address
  }
  const known = deps.chains ?? Object.values(SERVER_CHAINS)
  const transport = deps.transport ?? fetchTransport(deps.fetch ?? globalThis.fetch)
  const snag = deps.snag ?? createSnagClient({ ...config.snag, transport: metrics.timedTransport('snag', transport), logger })
  const velt =
    deps.velt ??
    (config.velt ? createVeltClient({ ...config.velt, transport: metrics.timedTransport('velt', transport), logger }) : undefined)
  const rpc = createRpc({ ...config.rpc, fetch: metrics.timedFetch('rpc', deps.rpcFetch) })
  const chains = relayChains(known, config, { crypto, now, rpc })
  const schemas = relaySchemas(known.map((chain) => chain.spec))
  const challenges = createChallenges({
    store,
    now,
    ttlSeconds: config.challengeTtlSeconds,
    statement: config.statement,
    secret: config.challengeSecret,
    allowedOrigins: config.allowedOrigins,
    crypto,
  })
  const sessions = createSessions({ store, ttlSeconds: config.sessionTtlSeconds, now, crypto })
  const locks = createLocks(store)
  const accounts = createAccounts({ chains: known, store, snag, sessions, locks, now })
  const profiles = createProfiles({ store, locks, snag })
  const limiter = createRateLimiter(store, config.rateLimits)
  const model = { accounts, sessions, snag, logger }

  const v1 = new Hono<RelayEnv>()
    .use(corsFor(config.allowedOrigins))
    .use(originGuard(config.allowedOrigins))
    .use(authenticate(sessions, config.hostToken, now))
    .use(jsonOnly())
    .use(sizeLimit())
    .route('/config', configRoute({ chains, challengeTtlSeconds: config.challengeTtlSeconds, publicUrl: config.publicUrl }))
    .route('/challenge', challengeRoute({ chains, schema: schemas.ChallengeRequest, challenges, limiter, clientIp }))
    .route(
      '/link',
      linkRoute({
        ...model,
        velt,
        crypto,
        chains,
        schema: schemas.LinkRequest,
        challenges,
        limiter,
        clientIp,
        sideEffectTimeoutMs: config.sideEffectTimeoutMs,
        verifiedByRelay: config.verifiedByRelay,
      }),
    )
    .route('/', accountRoutes({ ...model, profiles, limiter, clientIp }))

  // Written on its first request: a relay that is never asked for it never builds it.
  const openApi = lazy(async () => openApiDocument(known.map((chain) => chain.spec)))
  const app = new Hono<RelayEnv>()
    .use(requestLog(logger))
    .use(metrics.middleware())
    .route('/', healthRoutes(store))
    .get('/openapi.json', async (c) => c.json(await openApi()))
  if (config.metricsToken) app.route('/', metricsRoute(metrics, config.metricsToken, crypto))
  for (const { server, settings } of chains.enabled)
    if (server.routes) app.route('/', server.routes(settings, { publicUrl: config.publicUrl, allowedOrigins: config.allowedOrigins }))
  app.route('/v1', v1)
  app.onError(errorHandler(logger))
  app.notFound(notFound(() => app.routes))
  return app
}

export type RelayApp = ReturnType<typeof createRelayApp>
