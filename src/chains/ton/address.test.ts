import { Address } from '@ton/core'
import { describe, expect, it } from 'vitest'
import { tonWallet } from '../../../test/support/ton.js'
import { tonFriendlyAddress, tonRawAddress } from './address.js'

/** What @ton/core makes of an address, in raw form, or undefined. */
const tonCore = (address: string) => {
  try {
    return Address.parse(address).toRawString()
  } catch {
    return undefined
  }
}

const random = (length: number) => Buffer.from(crypto.getRandomValues(new Uint8Array(length)))

describe('TON addresses, held to @ton/core', () => {
  it('reads every form @ton/core writes (bounceable or not, test-only or not, base64 or base64url, raw) as the same raw address', () => {
    for (const workchain of [0, -1, 1, 127]) {
      for (let i = 0; i < 25; i++) {
        const address = new Address(workchain, random(32))
        const raw = address.toRawString()
        const forms = [raw, raw.toUpperCase()]
        for (const bounceable of [true, false])
          for (const testOnly of [true, false])
            for (const urlSafe of [true, false]) forms.push(address.toString({ bounceable, testOnly, urlSafe }))
        for (const form of forms) {
          expect(tonRawAddress(form), form).toBe(raw)
          expect(tonCore(form), form).toBe(raw)
        }
      }
    }
  })

  it('refuses what @ton/core refuses: a wrong checksum, an unknown tag, a wrong length, not base64', () => {
    const samples = ['', 'EQ', '0:', `0:${'ab'.repeat(31)}`, 'not an address at all, forty-eight characters!!']
    for (let i = 0; i < 50; i++) {
      const friendly = new Address(0, random(32)).toString()
      const bytes = Buffer.from(friendly.replaceAll('-', '+').replaceAll('_', '/'), 'base64')
      const flipped = Buffer.from(bytes)
      flipped[2 + (i % 32)]! ^= 1 << (i % 8)
      const badTag = Buffer.from(bytes)
      badTag[0] = 0x22
      samples.push(flipped.toString('base64'), badTag.toString('base64'), friendly.slice(1), `${friendly}A`)
    }
    for (const sample of samples) {
      expect(tonCore(sample), sample).toBeUndefined()
      expect(tonRawAddress(sample), sample).toBeUndefined()
    }
  })

  it('agrees with @ton/core wherever it reads an address at all, on random 48-character strings and raw lookalikes', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_'
    for (let i = 0; i < 2000; i++) {
      const text = Array.from(random(48), (byte) => alphabet[byte % alphabet.length]).join('')
      expect(tonRawAddress(text)).toBe(tonCore(text))
    }
    for (const raw of [`-0:${'AB'.repeat(32)}`, `007:${'cd'.repeat(32)}`, `2147483647:${'00'.repeat(32)}`])
      expect(tonRawAddress(raw)).toBe(tonCore(raw))
  })
})

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
