/**
 * `link-wallet-relay/workers`: the relay on Cloudflare Workers. Its shared state
 * (challenges, sessions, rate limits, locks) lives in Durable Objects bound as
 * RELAY_STORE; the client's address is Cloudflare's `CF-Connecting-IP`. Settings
 * are the Worker's variables and secrets, named as for the binary. A Worker that
 * only re-exports this module is a complete relay:
 *
 *   export { default, RelayStoreObject } from 'link-wallet-relay/workers'
 */
import { webCrypto } from '../../crypto/port.js'
import { RelayError } from '../../protocol/errors.js'
import { consoleLogger } from '../../upstream/logger.js'
import { createRelayApp, type RelayApp } from '../app.js'
import { ConfigError, loadConfig } from '../config.js'
import { createDurableObjectStore, RelayStoreObject, type DurableObjectNamespaceLike } from '../stores/durable-object.js'

export { RelayStoreObject }

type WorkerEnv = Record<string, unknown> & { RELAY_STORE?: DurableObjectNamespaceLike }

let built: { env: WorkerEnv; app: RelayApp } | { env: WorkerEnv; problems: string[] } | undefined

/** The app for this isolate's bindings, built on the first request (nothing runs at module scope). */
function relayFor(env: WorkerEnv) {
  if (built?.env === env) return built
  const strings = Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
  const logger = consoleLogger(strings.LOG_LEVEL)
  try {
    if (!env.RELAY_STORE) throw new ConfigError(['RELAY_STORE must be bound to the RelayStoreObject Durable Object class'])
    const config = loadConfig(strings)
    const store = createDurableObjectStore(env.RELAY_STORE, { shards: Number(strings.STORE_SHARDS ?? 8) || 8 })
    const app = createRelayApp({ config, store, logger, crypto: webCrypto, clientIp: (c) => c.req.header('cf-connecting-ip') })
    built = { env, app }
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    logger.error({ problems: error.problems }, 'relay not configured')
    built = { env, problems: error.problems }
  }
  return built
}

export default {
  fetch(request: Request, env: WorkerEnv, context: unknown): Response | Promise<Response> {
    const relay = relayFor(env)
    if ('problems' in relay)
      return Response.json(new RelayError('internal', { message: 'The relay is not configured; its log says what to set.' }).toBody(), {
        status: 500,
      })
    return relay.app.fetch(request, env, context as never)
  },
}
