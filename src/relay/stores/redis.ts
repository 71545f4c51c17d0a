/**
 * The store on Redis, for several relay instances: nonces with `SET NX PX`,
 * consumption with `GETDEL` (one caller wins, across instances), rate-limit
 * counters with a Lua `INCR` + `PEXPIRE`. Commands fail fast while Redis is
 * unreachable (no offline queue): the relay answers `upstream_unavailable` and
 * never accepts a proof it could not mark as used.
 */
import { Redis } from 'ioredis'
import { RelayError } from '../../protocol/errors.js'
import type { Store } from './types.js'

const INCREMENT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { count, redis.call('PTTL', KEYS[1]) }
`

export type RedisStoreOptions = { commandTimeoutMs?: number; connectTimeoutMs?: number }

export function createRedisStore(url: string, { commandTimeoutMs = 1000, connectTimeoutMs = 2000 }: RedisStoreOptions = {}): Store {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: commandTimeoutMs,
    connectTimeout: connectTimeoutMs,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  })
  // Connection errors surface on each command; this keeps them from crashing the process.
  redis.on('error', () => {})

  async function run<T>(command: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call()
    } catch (cause) {
      throw new RelayError('upstream_unavailable', { details: `store: redis ${command} failed`, cause })
    }
  }

  return {
    setIfAbsent: (key, value, ttlMs) => run('SET NX', async () => (await redis.set(key, value, 'PX', ttlMs, 'NX')) === 'OK'),
    set: (key, value, ttlMs) => run('SET', async () => void (await redis.set(key, value, 'PX', ttlMs))),
    get: (key) => run('GET', async () => (await redis.get(key)) ?? undefined),
    take: (key) => run('GETDEL', async () => (await redis.getdel(key)) ?? undefined),
    delete: (key) => run('DEL', async () => void (await redis.del(key))),
    increment: (key, windowMs) =>
      run('INCR', async () => {
        const [count, resetMs] = (await redis.eval(INCREMENT, 1, key, windowMs)) as [number, number]
        return { count, resetMs: resetMs < 0 ? windowMs : resetMs }
      }),
    ping: async () => {
      try {
        return (await redis.ping()) === 'PONG'
      } catch {
        return false
      }
    },
    close: async () => {
      if (redis.status !== 'ready') return redis.disconnect()
      await Promise.race([redis.quit(), new Promise((resolve) => setTimeout(resolve, 1000))]).catch(() => {})
      redis.disconnect()
    },
  }
}
