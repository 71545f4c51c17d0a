/**
 * Sui proofs: the relay's CAIP-122 text, checked field by field and then for
 * being exactly the text the relay built, signed with `sui:signPersonalMessage`.
 * The signature is verified with Mysten's own `@mysten/sui/verify` (personal
 * message intent, blake2b, the key's scheme), which also derives the address from
 * the key. Ed25519, secp256k1 and secp256r1 keys link; an ed25519 key or R of
 * small order, or an ECDSA s in the upper half, is refused; zkLogin, passkey and
 * multisig signatures need the chain to verify and are `wallet_unsupported`.
 */
import { p256 } from '@noble/curves/p256'
import { secp256k1 } from '@noble/curves/secp256k1'
import { parseSerializedSignature } from '@mysten/sui/cryptography'
import { isValidSuiAddress, normalizeSuiAddress } from '@mysten/sui/utils'
import { verifyPersonalMessageSignature } from '@mysten/sui/verify'
import { isStrictPoint } from '../../crypto/ed25519.js'
import { RelayError } from '../../protocol/errors.js'
import type { ServerChain } from '../server-face.js'
import { signInTextVerifier } from '../sign-in/verifier.js'
import { sui, suiChainId, type SuiSettings } from './spec.js'

const ACCOUNT = 'Sui'
const HALF = { Secp256k1: secp256k1.Point.CURVE().n / 2n, Secp256r1: p256.Point.CURVE().n / 2n }

const canonical = (address: string) => {
  const normalized = normalizeSuiAddress(address)
  return /^0x[0-9a-fA-F]{1,64}$/.test(address) && isValidSuiAddress(normalized) ? normalized : undefined
}

const bigEndian = (bytes: Uint8Array) => bytes.reduce((n, byte) => (n << 8n) | BigInt(byte), 0n)

/** The signature's scheme and parts, refused before any verification when the relay cannot or must not check it. */
function strictParts(signature: string) {
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
  if (scheme !== 'ED25519' && (bytes.length !== 64 || bigEndian(bytes.subarray(32)) > HALF[scheme]))
    throw new RelayError('signature_invalid')
}

/** Does `signature` sign `message` as a personal message by `address`'s key? Never throws. */
async function signedBy(address: string, message: string, signature: string): Promise<boolean> {
  try {
    await verifyPersonalMessageSignature(new TextEncoder().encode(message), signature, { address })
    return true
  } catch {
    return false
  }
}

export const suiServer: ServerChain<SuiSettings, 'sui'> = {
  spec: sui,
  canonicalAddress: canonical,

  verifier: ({ settings, now }) =>
    signInTextVerifier({
      account: ACCOUNT,
      addressKind: 'a Sui address',
      chainId: suiChainId(settings.network),
      now,
      canonical,
      async checkSignature(message, signature, address) {
        strictParts(signature)
        if (!(await signedBy(address, message, signature))) throw new RelayError('signature_invalid')
      },
    }),

  snagCheck: async (walletAddress, data) =>
    data.message !== undefined && data.signature !== undefined && signedBy(walletAddress, data.message, data.signature),
}
