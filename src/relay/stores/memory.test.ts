import { describe, expect, it } from 'vitest'
import { createMemoryStore } from './memory.js'

describe('memory store', () => {
  it('keeps at most maxLasting entries without expiry, dropping the one written longest ago', async () => {
    let time = 0
    const store = createMemoryStore({ now: () => time, maxLasting: 2 })
    await store.set('profile:a', 'A', undefined)
    await store.set('profile:b', 'B', undefined)
    await store.set('session:x', 'X', 60_000) // expires: not counted
    await store.set('profile:a', 'A2', undefined) // written again: now the newest
    await store.set('profile:c', 'C', undefined)
    expect([await store.get('profile:a'), await store.get('profile:b'), await store.get('profile:c')]).toEqual(['A2', undefined, 'C'])
    expect(await store.get('session:x')).toBe('X')

    // A key deleted, or given an expiry, no longer takes a place.
    await store.delete('profile:c')
    await store.set('profile:a', 'A3', 60_000)
    await store.set('profile:d', 'D', undefined)
    await store.set('profile:e', 'E', undefined)
    expect([await store.get('profile:a'), await store.get('profile:d'), await store.get('profile:e')]).toEqual(['A3', 'D', 'E'])
    time += 60_000
    expect(store.size()).toBe(2)
  })

  it('keeps every entry without expiry by default', async () => {
    const store = createMemoryStore()
    for (let i = 0; i < 10_000; i++) await store.set(`profile:${i}`, 'x', undefined)
    expect(store.size()).toBe(10_000)
  })
})
