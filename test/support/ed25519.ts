/**
 * Real ed25519 keys for tests (node:crypto), made from a random 32-byte seed:
 * `generateKeyPairSync` followed by a JWK export can deadlock Node 20 under load
 * (DESIGN.md, facts measured), so the raw public key is read from the SPKI DER.
 */
import { ED25519_TORSION_SUBGROUP } from '@noble/curves/ed25519'
import { createPrivateKey, createPublicKey, randomBytes, sign, verify } from 'node:crypto'

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex')

export type Ed25519Signer = { publicKey: Buffer; sign(bytes: Uint8Array): Buffer }

export function ed25519Key(seed: Uint8Array = randomBytes(32)): Ed25519Signer {
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' })
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' })
  return { publicKey: Buffer.from(spki.subarray(SPKI_ED25519_PREFIX.length)), sign: (bytes) => sign(null, bytes, privateKey) }
}

/** The encodings of the 8 points of small order (noble's list of the 8-torsion subgroup). */
export const SMALL_ORDER_POINTS = ED25519_TORSION_SUBGROUP.map((hex) => Buffer.from(hex, 'hex'))

/** Does OpenSSL alone (node:crypto, no strictness added) accept `signature` by `publicKey` over `message`? */
export function opensslAccepts(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verify(
      null,
      message,
      createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, publicKey]), format: 'der', type: 'spki' }),
      signature,
    )
  } catch {
    return false
  }
}

/**
 * The no-key forgery for a small-order public key: R of small order and S = 0,
 * with the R (of the 8) that makes R + [k]A the identity for this message.
 * Undefined when OpenSSL accepts none (it cannot decode the key).
 */
export function smallOrderForgery(publicKey: Uint8Array, message: Uint8Array): Buffer | undefined {
  for (const r of SMALL_ORDER_POINTS) {
    const signature = Buffer.concat([r, Buffer.alloc(32)])
    if (opensslAccepts(publicKey, message, signature)) return signature
  }
  return undefined
}

/**
 * A signer holding no key: it answers every message with the small-order forgery
 * (or 64 zero bytes when there is none), and says whether OpenSSL accepted its last one.
 */
export function smallOrderSigner(publicKey: Buffer): Ed25519Signer & { forged: boolean } {
  const signer = {
    publicKey,
    forged: false,
    sign(bytes: Uint8Array) {
      const forgery = smallOrderForgery(publicKey, bytes)
      signer.forged = forgery !== undefined
      return forgery ?? Buffer.alloc(64)
    },
  }
  return signer
}
