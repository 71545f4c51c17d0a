import { blake2b } from '@noble/hashes/blake2b'
import { isHex } from '@polkadot/util'
import { decodeAddress, encodeAddress } from '@polkadot/util-crypto'
import { base58 } from '@scure/base'
import { describe, expect, it } from 'vitest'
import { decodeAccount, encodeAccount } from './ss58.js'

const FORMATS = [0, 1, 2, 5, 42, 45, 48, 63, 64, 65, 127, 255, 256, 1284, 2007, 10041, 16383]
const random = (length: number) => crypto.getRandomValues(new Uint8Array(length))
/** What @polkadot/util-crypto makes of an address: its 32-byte account, or undefined (hex is a key, not an address). */
const polkadotAccount = (address: string) => {
  if (isHex(address)) return undefined
  try {
    const key = decodeAddress(address)
    return key.length === 32 ? key : undefined
  } catch {
    return undefined
  }
}

describe('SS58 of 32-byte accounts, held to @polkadot/util-crypto', () => {
  it('writes every format as encodeAddress does, and reads it back', () => {
    for (const format of FORMATS)
      for (let i = 0; i < 20; i++) {
        const account = random(32)
        const address = encodeAccount(account, format)
        expect(address).toBe(encodeAddress(account, format))
        expect(decodeAccount(address)).toEqual(account)
      }
  })

  it('reads what decodeAddress reads and refuses what it refuses: a wrong checksum, other lengths, hex, reserved and 3-byte prefixes', () => {
    const samples: string[] = ['', `0x${'11'.repeat(32)}`, 'not base58 0OIl', '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY']
    for (const format of FORMATS) {
      const good = encodeAddress(random(32), format)
      samples.push(
        good,
        `${good.slice(0, -1)}${good.endsWith('1') ? '2' : '1'}`,
        encodeAddress(random(33), format),
        encodeAddress(random(8), format),
      )
    }
    // A reserved or impossible first byte with a right checksum: built here, as no encoder writes one.
    for (const first of [46, 47, 128, 200]) {
      const body = new Uint8Array([first, ...random(32)])
      const sum = blake2b(new Uint8Array([...new TextEncoder().encode('SS58PRE'), ...body]), { dkLen: 64 }).subarray(0, 2)
      samples.push(base58.encode(new Uint8Array([...body, ...sum])))
    }
    for (const address of samples) expect(decodeAccount(address), address).toEqual(polkadotAccount(address))
  })

  it('refuses to write a reserved or impossible format', () => {
    for (const format of [-1, 46, 47, 16384, 1.5]) expect(() => encodeAccount(random(32), format)).toThrow(RangeError)
    expect(() => encodeAccount(random(33), 0)).toThrow(RangeError)
  })
})
