import { toSerializedSignature } from '@mysten/sui/cryptography'
import { Ed25519PublicKey } from '@mysten/sui/keypairs/ed25519'
import { verifyPersonalMessageSignature } from '@mysten/sui/verify'
import { describe, expect, it } from 'vitest'
import { SMALL_ORDER_POINTS, smallOrderSigner } from '../../../test/support/ed25519.js'
import { suiWallet, type SuiScheme } from '../../../test/support/sui.js'
import { nodeCrypto } from '../../crypto/node.js'
import { webCrypto, type CryptoPort } from '../../crypto/port.js'
import { signedBy } from './signature.js'

/** A port that counts the ed25519 checks asked of it. */
function counting(port: CryptoPort) {
  const counted = { ...port, checks: 0 }
  counted.ed25519 = (...args) => {
    counted.checks++
    return port.ed25519(...args)
  }
  return counted
}

const mysten = (address: string, message: string, signature: string) =>
  verifyPersonalMessageSignature(new TextEncoder().encode(message), signature, { address }).then(
    () => true,
    () => false,
  )

describe('Sui signatures', () => {
  it.each([
    ['Node', nodeCrypto],
    ['Web Crypto', webCrypto],
  ])('checks an ed25519 signature with the %s port, agreeing with Mysten’s verifier', async (_, base) => {
    const port = counting(base)
    const wallet = suiWallet('ED25519')
    const other = suiWallet('ED25519')
    const message = 'example.com wants you to sign in with your Sui account'
    const signature = await wallet.sign(message)
    const cases: [string, string, string, boolean][] = [
      [wallet.address, message, signature, true],
      [wallet.address, `${message}.`, signature, false],
      [other.address, message, signature, false],
      [wallet.address, message, await other.sign(message), false],
    ]
    for (const [address, signed, sig, expected] of cases) {
      expect(await signedBy(port, address, signed, sig)).toBe(expected)
      expect(await mysten(address, signed, sig)).toBe(expected)
    }
    // A key whose address is not the one named is refused before any curve check: two cases reach the port.
    expect(port.checks).toBe(2)
  })

  it.each<SuiScheme>(['Secp256k1', 'Secp256r1'])('leaves a %s signature to Mysten’s verifier', async (scheme) => {
    const port = counting(webCrypto)
    const wallet = suiWallet(scheme)
    const signature = await wallet.sign('hello')
    expect(await signedBy(port, wallet.address, 'hello', signature)).toBe(true)
    expect(await signedBy(port, wallet.address, 'hello!', signature)).toBe(false)
    expect(port.checks).toBe(0)
  })

  /** The digest Mysten signs for a personal message: what the port is asked to check. */
  async function digestOf(message: string): Promise<Uint8Array> {
    let digest: Uint8Array | undefined
    const wallet = suiWallet('ED25519')
    const port: CryptoPort = {
      ...webCrypto,
      async ed25519(_key, signed) {
        digest = signed
        return true
      },
    }
    await signedBy(port, wallet.address, message, await wallet.sign(message))
    return digest!
  }

  it.each(SMALL_ORDER_POINTS.map((point) => [point.toString('hex'), point] as const))(
    'refuses a signature made with no key for the small-order key %s, which Mysten’s verifier and OpenSSL alone accept',
    async (_, point) => {
      const signer = smallOrderSigner(point)
      // R + [k]A is the identity, which OpenSSL asks, only for some messages: a few are tried.
      let message = ''
      for (let attempt = 0; !signer.forged && attempt < 64; attempt++) {
        message = `a message to forge, attempt ${attempt}`
        signer.sign(await digestOf(message))
      }
      expect(signer.forged).toBe(true)
      const key = new Ed25519PublicKey(point)
      const forged = toSerializedSignature({ signatureScheme: 'ED25519', signature: signer.sign(await digestOf(message)), publicKey: key })
      expect(await mysten(key.toSuiAddress(), message, forged)).toBe(true)
      for (const port of [nodeCrypto, webCrypto]) expect(await signedBy(port, key.toSuiAddress(), message, forged)).toBe(false)
    },
  )
})
