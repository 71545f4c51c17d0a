/**
 * The store on Redis, for several relay instances: nonces with `SET NX PX`,
 * consumption with `GETDEL` (one caller wins, across instances), rate-limit
 * counters with a Lua `INCR` + `PEXPIRE`; locks released by their holder alone
 * (a Lua compare-and-delete); session indexes as sets. Commands fail fast while Redis is
 * unreachable (no offline queue): the relay answers `upstream_unavailable` and
 * never accepts a proof it could not mark as used.
 */
import { Redis } from 'ioredis'
import { storeUnavailable } from './types.js'
import type { Store } from './types.js'

const DELETE_IF = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`

const ADD_TO_SET = `
redis.call('SADD', KEYS[1], ARGV[1])
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 1
`

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
      throw storeUnavailable('redis', `${command} failed`, cause)
    }
  }

  return {
    kind: 'redis',
    setIfAbsent: (key, value, ttlMs) => run('SET NX', async () => (await redis.set(key, value, 'PX', ttlMs, 'NX')) === 'OK'),
    set: (key, value, ttlMs) =>
      run('SET', async () => void (await (ttlMs === undefined ? redis.set(key, value) : redis.set(key, value, 'PX', ttlMs)))),
    get: (key) => run('GET', async () => (await redis.get(key)) ?? undefined),
    take: (key) => run('GETDEL', async () => (await redis.getdel(key)) ?? undefined),
    delete: (key) => run('DEL', async () => void (await redis.del(key))),
    deleteIf: (key, value) => run('DEL IF', async () => (await redis.eval(DELETE_IF, 1, key, value)) === 1),
    addToSet: (key, member, ttlMs) => run('SADD', async () => void (await redis.eval(ADD_TO_SET, 1, key, member, ttlMs))),
    setMembers: (key) => run('SMEMBERS', () => redis.smembers(key)),
    removeFromSet: (key, member) => run('SREM', async () => void (await redis.srem(key, member))),
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
