import type { Store } from './types.js'

type Entry = { value: string | Set<string>; expiresAt: number }

export type MemoryStoreOptions = {
  now?: () => number
  /** At most how often a write sweeps expired entries, in ms. */
  sweepEveryMs?: number
  /**
   * Entries without expiry kept at most (profile copies, host users' accounts): past it, the
   * one written longest ago goes. Unbounded by default; a store open to anyone (the hosted
   * demo) sets it, as everything else it holds expires.
   */
  maxLasting?: number | undefined
}

/**
 * A single-process store. Expired entries vanish on read, and a write sweeps
 * them at most once per `sweepEveryMs`: no timer runs, so building one at module
 * scope (as Workers do) starts nothing.
 */
export function createMemoryStore({
  now = Date.now,
  sweepEveryMs = 60_000,
  maxLasting = Number.POSITIVE_INFINITY,
}: MemoryStoreOptions = {}): Store & { size(): number } {
  const entries = new Map<string, Entry>()
  const bounded = Number.isFinite(maxLasting)
  /** The keys of entries without expiry, the one written longest ago first: kept only when they are bounded. */
  const lasting = new Set<string>()
  let sweptAt = now()

  const remove = (key: string) => {
    entries.delete(key)
    lasting.delete(key)
  }

  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key)
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key)
      return undefined
    }
    return entry
  }
  const text = (key: string) => {
    const value = live(key)?.value
    return typeof value === 'string' ? value : undefined
  }
  const write = (key: string, value: Entry['value'], ttlMs: number | undefined) => {
    const t = now()
    if (t - sweptAt >= sweepEveryMs) {
      sweptAt = t
      for (const [k, entry] of entries) if (entry.expiresAt <= t) entries.delete(k)
    }
    entries.set(key, { value, expiresAt: ttlMs === undefined ? Number.POSITIVE_INFINITY : t + ttlMs })
    if (!bounded) return
    lasting.delete(key)
    if (ttlMs !== undefined) return
    lasting.add(key)
    if (lasting.size > maxLasting) remove(lasting.values().next().value!)
  }

  return {
    kind: 'memory',
    async setIfAbsent(key, value, ttlMs) {
      if (live(key)) return false
      write(key, value, ttlMs)
      return true
    },
    async set(key, value, ttlMs) {
      write(key, value, ttlMs)
    },
    async get(key) {
      return text(key)
    },
    async take(key) {
      const value = text(key)
      remove(key)
      return value
    },
    async delete(key) {
      remove(key)
    },
    async deleteIf(key, value) {
      if (text(key) !== value) return false
      remove(key)
      return true
    },
    async increment(key, windowMs) {
      const entry = live(key)
      if (!entry || typeof entry.value !== 'string') {
        write(key, '1', windowMs)
        return { count: 1, resetMs: windowMs }
      }
      entry.value = String(Number(entry.value) + 1)
      return { count: Number(entry.value), resetMs: entry.expiresAt - now() }
    },
    async addToSet(key, member, ttlMs) {
      const entry = live(key)
      if (entry && entry.value instanceof Set) {
        entry.value.add(member)
        entry.expiresAt = Math.max(entry.expiresAt, now() + ttlMs)
      } else write(key, new Set([member]), ttlMs)
    },
    async setMembers(key) {
      const value = live(key)?.value
      return value instanceof Set ? [...value] : []
    },
    async removeFromSet(key, member) {
      const value = live(key)?.value
      if (value instanceof Set) value.delete(member)
    },
    async ping() {
      return true
    },
    async close() {
      entries.clear()
      lasting.clear()
    },
    /** Live entries, for tests that check what the relay keeps. */
    size() {
      const t = now()
      let count = 0
      for (const entry of entries.values()) if (entry.expiresAt > t) count++
      return count
    },
  }
}
