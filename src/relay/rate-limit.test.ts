import { describe, expect, it } from 'vitest'
import { clientAddress } from './rate-limit.js'

describe('client address', () => {
  it('is the socket’s peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('10.0.0.5', '1.2.3.4', 0)).toBe('10.0.0.5')
  })

  it('is the entry the trusted proxies appended, counted from the right', () => {
    expect(clientAddress('10.0.0.5', 'spoofed, 203.0.113.9', 1)).toBe('203.0.113.9')
    expect(clientAddress('10.0.0.5', 'spoofed, 203.0.113.9, 10.0.0.2', 2)).toBe('203.0.113.9')
  })

  it('falls back to the peer when the chain is shorter than the trusted hops', () => {
    expect(clientAddress('10.0.0.5', '203.0.113.9', 3)).toBe('10.0.0.5')
    expect(clientAddress('10.0.0.5', undefined, 1)).toBe('10.0.0.5')
  })
})
