/**
 * Locks in the store, so that changes to one account (link, unlink, move) happen
 * one at a time across every relay instance on the same store, and rules such as
 * "never unlink the last wallet" read a list no one is changing. The same locks
 * serialise what else is read, then written: which account a host user owns, and
 * a user's saved profile.
 *
 * A lock is a key set only if absent, holding a random token, with a lease that
 * outlives the slowest change (upstream calls with their retries); only its holder
 * deletes it. Several keys are taken in sorted order, so two changes that need
 * the same two accounts cannot wait for each other.
 */
import { RelayError } from '../protocol/errors.js'
import type { Store } from './stores/types.js'

export type LockOptions = {
  /** How long a lock holds if its holder dies without releasing it. */
  leaseMs?: number
  /** How long to wait for a lock another request holds. */
  waitMs?: number
  sleep?: (ms: number) => Promise<void>
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export type Locks = ReturnType<typeof createLocks>

export function createLocks(store: Store, { leaseMs = 60_000, waitMs = 15_000, sleep = defaultSleep }: LockOptions = {}) {
  async function acquire(key: string, token: string): Promise<void> {
    const started = Date.now()
    for (let attempt = 0; ; attempt++) {
      if (await store.setIfAbsent(`lw:lock:${key}`, token, leaseMs)) return
      if (Date.now() - started >= waitMs)
        throw new RelayError('upstream_unavailable', {
          message: 'Another change to this account is under way. Try again shortly.',
          details: `lock ${key} busy for ${waitMs} ms`,
          transient: true,
          retryAfter: 1,
        })
      await sleep(Math.min(200, 10 * 2 ** Math.min(attempt, 4)) * (0.5 + Math.random()))
    }
  }

  return {
    /** Runs `fn` holding the lock of every key in `keys` (an account's lock key each). */
    async hold<T>(keys: readonly string[], fn: () => Promise<T>): Promise<T> {
      if (keys.length === 0) return fn()
      const token = crypto.randomUUID()
      const held: string[] = []
      try {
        for (const key of [...new Set(keys)].sort()) {
          await acquire(key, token)
          held.push(key)
        }
        return await fn()
      } finally {
        await Promise.all(held.map((key) => store.deleteIf(`lw:lock:${key}`, token).catch(() => false)))
      }
    },
  }
}
