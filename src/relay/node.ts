/**
 * `link-wallet-relay/node`: the relay on Node (also Bun's Node APIs): servers
 * started from environment variables, the Redis store several instances share,
 * `node:crypto`, and the JSON logger.
 */
export { startRelay, type Started, type StartOptions } from './server.js'
export { createRedisStore, type RedisStoreOptions } from './stores/redis.js'
export { nodeCrypto } from '../crypto/node.js'
export { createRelayLogger } from './logger.js'
