import { describe, expect, it } from 'vitest'
import { ed25519Key, opensslAccepts } from '../../test/support/ed25519.js'
import { nodeCrypto } from './node.js'
import { webCrypto } from './port.js'

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

describe('ed25519 on the Node port', () => {
  // RFC 8032, section 7.1, TEST 2: a one-byte message.
  const rfc = {
    publicKey: Buffer.from('3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c', 'hex'),
    message: Buffer.from('72', 'hex'),
    signature: Buffer.from(
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
      'hex',
    ),
  }

  it('accepts what the key signed, as Web Crypto and OpenSSL from DER do, and nothing else (no key of another length)', async () => {
    const signer = ed25519Key()
    const other = ed25519Key()
    const message = new TextEncoder().encode('link-wallet wants you to sign in')
    const signature = signer.sign(message)
    const tampered = Uint8Array.from(message, (byte, i) => (i === 0 ? byte ^ 1 : byte))
    const cases: [Uint8Array, Uint8Array, Uint8Array, boolean][] = [
      [rfc.publicKey, rfc.message, rfc.signature, true],
      [signer.publicKey, message, signature, true],
      [signer.publicKey, tampered, signature, false],
      [other.publicKey, message, signature, false],
      [signer.publicKey, message, Buffer.concat([signature.subarray(0, 63), Buffer.from([signature[63]! ^ 1])]), false],
      [signer.publicKey.subarray(0, 31), message, signature, false],
      [Buffer.concat([signer.publicKey, Buffer.alloc(1)]), message, signature, false],
      [new Uint8Array(0), message, signature, false],
    ]
    for (const [publicKey, signed, sig, expected] of cases) {
      expect(await nodeCrypto.ed25519(publicKey, signed, sig)).toBe(expected)
      expect(await webCrypto.ed25519(publicKey, signed, sig)).toBe(expected)
      // From DER, OpenSSL reads the first 32 bytes and ignores any that follow: it is no judge of a key's length.
      if (publicKey.length === 32) expect(opensslAccepts(publicKey, signed, sig)).toBe(expected)
    }
  })

  it('reads only the key’s own bytes from a view into a larger buffer', async () => {
    const signer = ed25519Key()
    const message = new TextEncoder().encode('a view')
    const around = Buffer.concat([Buffer.alloc(7, 0xff), signer.publicKey, Buffer.alloc(9, 0xee)])
    const view = new Uint8Array(around.buffer, around.byteOffset + 7, 32)
    expect(await nodeCrypto.ed25519(view, message, signer.sign(message))).toBe(true)
  })
})
