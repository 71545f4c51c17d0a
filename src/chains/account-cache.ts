/**
 * What a chain said about an account (its keys, or that it has none), kept a few
 * seconds per account: a sign-in right after a link asks the chain nothing. Bounded:
 * past `max` accounts it starts over. Answers that failed are not kept.
 */
export function accountCache<T>(now: () => number, ttlMs: number, max = 1000) {
  const held = new Map<string, { at: number; value: T }>()
  return async (key: string, load: () => Promise<T>): Promise<T> => {
    const cached = held.get(key)
    if (cached && now() - cached.at < ttlMs) return cached.value
    const value = await load()
    if (held.size >= max) held.clear()
    held.set(key, { at: now(), value })
    return value
  }
}
