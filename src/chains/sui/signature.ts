/**
 * Sui signatures, checked with Mysten's own libraries: loaded with the first Sui
 * proof (see server.ts).
 */
import { p256 } from '@noble/curves/p256'
import { secp256k1 } from '@noble/curves/secp256k1'
import { bytesToNumberBE } from '@noble/curves/abstract/utils'
import { parseSerializedSignature } from '@mysten/sui/cryptography'
import { verifyPersonalMessageSignature } from '@mysten/sui/verify'
import { isStrictPoint } from '../../crypto/ed25519.js'
import { RelayError } from '../../protocol/errors.js'

const HALF = { Secp256k1: secp256k1.Point.CURVE().n / 2n, Secp256r1: p256.Point.CURVE().n / 2n }

/** The signature's scheme and parts, refused before any verification when the relay cannot or must not check it. */
export function strictParts(signature: string) {
  let parts: ReturnType<typeof parseSerializedSignature>
  try {
    parts = parseSerializedSignature(signature)
  } catch {
    throw new RelayError('signature_invalid', { message: 'The signature is not a Sui serialized signature.' })
  }
  const scheme = parts.signatureScheme
  if (scheme !== 'ED25519' && scheme !== 'Secp256k1' && scheme !== 'Secp256r1')
    throw new RelayError('wallet_unsupported', { message: `This relay cannot verify ${scheme} Sui signatures on its own.` })
  const { signature: bytes, publicKey } = parts as { signature: Uint8Array; publicKey: Uint8Array }
  if (scheme === 'ED25519' && (!isStrictPoint(publicKey) || !isStrictPoint(bytes.subarray(0, 32))))
    throw new RelayError('signature_invalid')
  if (scheme !== 'ED25519' && (bytes.length !== 64 || bytesToNumberBE(bytes.subarray(32)) > HALF[scheme]))
    throw new RelayError('signature_invalid')
}

/** Does `signature` sign `message` as a personal message by `address`'s key? Never throws. */
export async function signedBy(address: string, message: string, signature: string): Promise<boolean> {
  try {
    await verifyPersonalMessageSignature(new TextEncoder().encode(message), signature, { address })
    return true
  } catch {
    return false
  }
}
