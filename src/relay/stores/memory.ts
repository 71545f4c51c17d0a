import type { Store } from './types.js'

type Entry = { value: string; expiresAt: number }

export type MemoryStoreOptions = {
  now?: () => number
  /** How often expired entries are swept, in ms. */
  sweepEveryMs?: number
}

/** A single-process store; expired entries vanish on read and on a periodic sweep. */
export function createMemoryStore({ now = Date.now, sweepEveryMs = 60_000 }: MemoryStoreOptions = {}): Store {
  const entries = new Map<string, Entry>()

  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key)
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key)
      return undefined
    }
    return entry
  }

  const sweep = setInterval(() => {
    const t = now()
    for (const [key, entry] of entries) if (entry.expiresAt <= t) entries.delete(key)
  }, sweepEveryMs)
  sweep.unref?.()

  return {
    async setIfAbsent(key, value, ttlMs) {
      if (live(key)) return false
      entries.set(key, { value, expiresAt: now() + ttlMs })
      return true
    },
    async set(key, value, ttlMs) {
      entries.set(key, { value, expiresAt: now() + ttlMs })
    },
    async get(key) {
      return live(key)?.value
    },
    async take(key) {
      const entry = live(key)
      entries.delete(key)
      return entry?.value
    },
    async delete(key) {
      entries.delete(key)
    },
    async increment(key, windowMs) {
      const entry = live(key)
      if (!entry) {
        entries.set(key, { value: '1', expiresAt: now() + windowMs })
        return { count: 1, resetMs: windowMs }
      }
      entry.value = String(Number(entry.value) + 1)
      return { count: Number(entry.value), resetMs: entry.expiresAt - now() }
    },
    async ping() {
      return true
    },
    async close() {
      clearInterval(sweep)
      entries.clear()
    },
  }
}
