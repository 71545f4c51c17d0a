/**
 * What the Bun and Deno entries share: the relay configured from the environment
 * (a Redis store when REDIS_URL is set, memory otherwise), built once the server
 * listens so that, without PUBLIC_URL, its public URL is the address it took.
 */
import type { Context } from 'hono'
import { webCrypto } from '../../crypto/port.js'
import { createRelayApp } from '../app.js'
import { loadConfig, loadNodeConfig, loadTogether, type RelayConfig } from '../config.js'
import { createRelayLogger } from '../logger.js'
import { peerClientIp } from '../rate-limit.js'
import { createMemoryStore } from '../stores/memory.js'
import { createRedisStore } from '../stores/redis.js'

type Env = Record<string, string | undefined>

/** The settings a runtime needs before it listens; `build` makes the relay once it knows its address. */
export function relayFromEnv(env: Env, peer: (c: Context) => string | undefined) {
  const [node, config] = loadTogether(
    () => loadNodeConfig(env),
    () => loadConfig(env),
  )
  return {
    host: config.host,
    port: config.port,
    build(url: string) {
      const logger = createRelayLogger(node.LOG_LEVEL)
      const store = config.redisUrl ? createRedisStore(config.redisUrl) : createMemoryStore()
      const withUrl: RelayConfig = { ...config, publicUrl: config.publicUrl ?? url }
      const app = createRelayApp({ config: withUrl, store, logger, crypto: webCrypto, clientIp: peerClientIp(peer, config.trustProxyHops) })
      logger.info({ chains: config.chains, store: config.redisUrl ? 'redis' : 'memory' }, 'relay started')
      return { app, store }
    },
  }
}
