import { verifyPersonalMessageSignature } from '@mysten/sui/verify'
import { describe, expect, it } from 'vitest'
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
})
