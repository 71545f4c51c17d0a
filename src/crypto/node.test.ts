import { describe, expect, it } from 'vitest'
import { nodeCrypto } from './node.js'

describe('the Node crypto port', () => {
  it('hands out random bytes from its pool once each, as copies that share nothing', () => {
    const draws = Array.from({ length: 600 }, () => nodeCrypto.randomBytes(32))
    // 600 × 32 bytes cross several 4 KiB draws of the pool.
    expect(new Set(draws.map((bytes) => Buffer.from(bytes).toString('hex'))).size).toBe(600)
    for (const bytes of draws) {
      expect(bytes).toHaveLength(32)
      expect(bytes.buffer.byteLength).toBe(32)
    }
    const before = Buffer.from(draws[1]!).toString('hex')
    draws[0]!.fill(0)
    expect(Buffer.from(draws[1]!).toString('hex')).toBe(before)
    expect(nodeCrypto.randomBytes(4096)).toHaveLength(4096)
  })
})
