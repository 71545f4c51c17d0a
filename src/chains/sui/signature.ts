/**
 * Sui signatures, checked with Mysten's own libraries: loaded with the first Sui
 * proof (see server.ts). An ed25519 signature's last step, the curve check, is the
 * crypto port's (OpenSSL on Node: about a tenth of noble's time, which Mysten uses);
 * the personal-message digest and the address stay Mysten's.
 */
import { p256 } from '@noble/curves/p256'
import { secp256k1 } from '@noble/curves/secp256k1'
import { bytesToNumberBE } from '@noble/curves/abstract/utils'
import { parseSerializedSignature } from '@mysten/sui/cryptography'
import { Ed25519PublicKey } from '@mysten/sui/keypairs/ed25519'
import { verifyPersonalMessageSignature } from '@mysten/sui/verify'
import { verifyEd25519, type CryptoPort } from '../../crypto/port.js'
import { RelayError } from '../../protocol/errors.js'

const HALF = { Secp256k1: secp256k1.Point.CURVE().n / 2n, Secp256r1: p256.Point.CURVE().n / 2n }

/**
 * Refuses, before any verification, a signature the relay cannot check (its scheme) or must
 * not accept although Mysten's verifier would (an ECDSA s in the upper half). An ed25519 key
 * or R of small order is `signedBy`'s to refuse: its curve check is `verifyEd25519`'s.
 */
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
  const bytes = parts.signature as Uint8Array
  if (scheme !== 'ED25519' && (bytes.length !== 64 || bytesToNumberBE(bytes.subarray(32)) > HALF[scheme]))
    throw new RelayError('signature_invalid')
}

/** Mysten's ed25519 key (intent, digest, address), whose signatures the crypto port checks. */
class PortEd25519PublicKey extends Ed25519PublicKey {
  constructor(
    bytes: Uint8Array,
    private readonly port: CryptoPort,
  ) {
    super(bytes)
  }

  /** Only ever given the raw signature (`signedBy` below), never a serialized one. */
  override async verify(digest: Uint8Array, signature: Uint8Array | string): Promise<boolean> {
    return typeof signature !== 'string' && verifyEd25519(this.port, this.toRawBytes(), digest, signature)
  }
}

/** Does `signature` sign `message` as a personal message by `address`'s key? Never throws. */
export async function signedBy(port: CryptoPort, address: string, message: string, signature: string): Promise<boolean> {
  const bytes = new TextEncoder().encode(message)
  try {
    const parts = parseSerializedSignature(signature)
    if (parts.signatureScheme === 'ED25519') {
      const key = new PortEd25519PublicKey(parts.publicKey as Uint8Array, port)
      return key.verifyAddress(address) && (await key.verifyPersonalMessage(bytes, parts.signature as Uint8Array))
    }
    await verifyPersonalMessageSignature(bytes, signature, { address })
    return true
  } catch {
    return false
  }
}
