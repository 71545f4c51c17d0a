import { Address } from '@ton/core'
import { describe, expect, it } from 'vitest'
import { tonWallet } from '../../../test/support/ton.js'
import { tonFriendlyAddress } from './spec.js'

describe('tonFriendlyAddress', () => {
  it('writes what @ton/core writes: non-bounceable, URL-safe, on mainnet and testnet, for either workchain', () => {
    for (let i = 0; i < 20; i++) {
      const raw = tonWallet().address
      const address = Address.parse(raw)
      expect(tonFriendlyAddress(raw)).toBe(address.toString({ bounceable: false, urlSafe: true }))
      expect(tonFriendlyAddress(raw, { testnet: true })).toBe(address.toString({ bounceable: false, urlSafe: true, testOnly: true }))
      const master = `-1:${raw.split(':')[1]}`
      expect(tonFriendlyAddress(master)).toBe(Address.parse(master).toString({ bounceable: false, urlSafe: true }))
    }
    expect(tonFriendlyAddress(tonWallet().address)).toMatch(/^UQ[A-Za-z0-9_-]{46}$/)
    expect(tonFriendlyAddress('not an address')).toBe('not an address')
  })
})
