/**
 * `createRelayApp(deps)`: the relay as a Hono app, built only from what it is
 * given (configuration, store, clock, upstream client, logger). It runs on Node
 * through `server.ts` and on any Fetch-API runtime as `app.fetch`.
 */
import { Hono } from 'hono'
import { createSnagClient, type SnagClient } from '../upstream/snag.js'
import { createVeltClient, type VeltClient } from '../upstream/velt.js'
import type { FetchLike } from '../upstream/http.js'
import { silentLogger, type Logger } from '../upstream/logger.js'
import { createChallenges } from './challenges.js'
import type { RelayConfig } from './config.js'
import type { RelayEnv } from './env.js'
import { jsonOnly, sizeLimit } from './middleware/body.js'
import { authenticate } from './middleware/auth.js'
import { errorHandler, notFound } from './middleware/errors.js'
import { requestLog } from './middleware/request-log.js'
import { corsFor, originGuard } from './middleware/origin.js'
import { accountRoutes } from './routes/account.js'
import { challengeRoute } from './routes/challenge.js'
import { configRoute } from './routes/config.js'
import { healthRoutes } from './routes/health.js'
import { linkRoute } from './routes/link.js'
import { tonManifestRoute } from './routes/ton-manifest.js'
import { createRateLimiter, type ClientIp } from './rate-limit.js'
import { createSessions } from './sessions.js'
import { createAccounts } from './accounts.js'
import { createLocks } from './lock.js'
import { createMemoryStore } from './stores/memory.js'
import type { Store } from './stores/types.js'

export type RelayDeps = {
  config: RelayConfig
  store?: Store
  /** Snag client; built from `config.snag` (with `fetch`) when absent. */
  snag?: SnagClient
  /** Velt client; built from `config.velt` (with `fetch`) when absent and configured. */
  velt?: VeltClient
  fetch?: FetchLike
  now?: () => number
  logger?: Logger
  /** The client's address for rate limits; on Node, `server.ts` reads the socket. */
  clientIp?: ClientIp
}

export function createRelayApp(deps: RelayDeps) {
  const { config, now = Date.now, logger = silentLogger } = deps
  const store = deps.store ?? createMemoryStore({ now })
  const snag = deps.snag ?? createSnagClient({ ...config.snag, fetch: deps.fetch, logger })
  const velt = deps.velt ?? (config.velt ? createVeltClient({ ...config.velt, fetch: deps.fetch, logger }) : undefined)
  const challenges = createChallenges({
    store,
    now,
    ttlSeconds: config.challengeTtlSeconds,
    statement: config.statement,
    secret: config.challengeSecret,
    allowedOrigins: config.allowedOrigins,
  })
  const sessions = createSessions({ store, ttlSeconds: config.sessionTtlSeconds, now })
  const accounts = createAccounts({ store, snag, sessions, locks: createLocks(store) })
  const limiter = createRateLimiter(store, config.rateLimits)
  const clientIp = deps.clientIp ?? (() => undefined)
  const model = { accounts, sessions, snag, logger }

  const v1 = new Hono<RelayEnv>()
    .use(corsFor(config.allowedOrigins))
    .use(originGuard(config.allowedOrigins))
    .use(authenticate(sessions, config.hostToken, now))
    .use(jsonOnly())
    .use(sizeLimit())
    .route('/config', configRoute(config))
    .route('/challenge', challengeRoute({ settings: config, challenges, limiter, clientIp }))
    .route('/link', linkRoute({ ...model, velt, settings: config, challenges, now, limiter, clientIp }))
    .route('/', accountRoutes({ ...model, limiter, clientIp }))

  const app = new Hono<RelayEnv>()
    .use(requestLog(logger))
    .route('/', healthRoutes(store))
    .route('/', tonManifestRoute(config))
    .route('/v1', v1)
  app.onError(errorHandler(logger))
  app.notFound(notFound)
  return app
}

export type RelayApp = ReturnType<typeof createRelayApp>
