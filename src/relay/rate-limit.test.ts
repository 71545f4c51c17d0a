import { describe, expect, it } from 'vitest'
import { addressBucket, clientAddress } from './rate-limit.js'

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

describe('address buckets', () => {
  it('counts an IPv4 client by its address, also when written as IPv4-mapped IPv6', () => {
    expect(addressBucket('203.0.113.9')).toBe('203.0.113.9')
    expect(addressBucket('::ffff:203.0.113.9')).toBe('203.0.113.9')
  })

  it('counts every address of one IPv6 /64 in one bucket, however it is written', () => {
    const bucket = addressBucket('2001:db8:85a3:1234::1')
    expect(bucket).toBe('2001:db8:85a3:1234::/64')
    for (const address of [
      '2001:db8:85a3:1234:ffff:ffff:ffff:ffff',
      '2001:0db8:85a3:1234:0:0:0:2',
      '2001:DB8:85A3:1234::abcd',
      '2001:db8:85a3:1234::1%eth0',
    ])
      expect(addressBucket(address)).toBe(bucket)
    expect(addressBucket('2001:db8:85a3:1235::1')).not.toBe(bucket)
    expect(addressBucket('::1')).toBe('0:0:0:0::/64')
    expect(addressBucket('fe80::')).toBe('fe80:0:0:0::/64')
  })
})
