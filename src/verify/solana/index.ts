/**
 * Solana proofs: a Sign-In With Solana text (from `solana:signIn`, or built by the
 * widget and signed with `solana:signMessage`) and its ed25519 signature, base58.
 *
 * The text must be in the canonical layout (parsing and rebuilding it gives the
 * same bytes, as the Wallet Standard's own `verifySignIn` requires), every field
 * must match the stored challenge, and the signature must be the address's over
 * exactly those bytes.
 */
import { base58 } from '@scure/base'
import { createSignInMessageText, parseSignInMessageText } from '@solana/wallet-standard-util'
import { RelayError } from '../../protocol/errors.js'
import type { LinkVerificationData } from '../../protocol/relay.js'
import type { VerificationData } from '../../protocol/snag.js'
import { verifyEd25519 } from '../ed25519.js'
import { boundedSignInText, checkSignInFields } from '../sign-in-fields.js'
import type { ProofVerifier } from '../types.js'

/** The 32 bytes a base58 Solana address stands for, or undefined. */
export function solanaPublicKey(address: string): Uint8Array | undefined {
  try {
    const bytes = base58.decode(address)
    return bytes.length === 32 ? bytes : undefined
  } catch {
    return undefined
  }
}

function decodeSignature(signature: string): Uint8Array | undefined {
  try {
    return base58.decode(signature)
  } catch {
    return undefined
  }
}

/** Is `signature` (base58) the address's ed25519 signature over the UTF-8 bytes of `message`? */
export function isValidSolanaSignature(address: string, message: string, signature: string): boolean {
  const publicKey = solanaPublicKey(address)
  const bytes = decodeSignature(signature)
  return !!publicKey && !!bytes && verifyEd25519(publicKey, new TextEncoder().encode(message), bytes)
}

function signedText(data: LinkVerificationData) {
  if (data.message === undefined || data.signature === undefined)
    throw new RelayError('invalid_request', { message: 'A Solana proof needs verificationData.message and .signature.' })
  const parsed = parseSignInMessageText(boundedSignInText(data.message))
  if (!parsed) throw new RelayError('invalid_request', { message: 'The message is not a Sign-In With Solana message.' })
  return { message: data.message, signature: data.signature, parsed }
}

export const solanaVerifier: ProofVerifier = {
  walletType: 'solana',

  canonicalAddress: (address) => (solanaPublicKey(address) ? address : undefined),

  challengeChainId(requested) {
    if (requested !== undefined)
      throw new RelayError('invalid_request', { message: 'A Solana challenge takes no chainId; the relay names its cluster.' })
    return undefined
  },

  nonceOf(data) {
    const { nonce } = signedText(data).parsed
    if (!nonce) throw new RelayError('invalid_request', { message: 'The Sign-In With Solana message has no nonce.' })
    return nonce
  },

  async verify(data, context) {
    const { message, signature, parsed } = signedText(data)
    if (!solanaPublicKey(context.walletAddress))
      throw new RelayError('invalid_request', { message: 'walletAddress is not a base58 Solana address (32 bytes).' })
    checkSignInFields(parsed, context, {
      sameAddress: (a, b) => a === b,
      chainAllowed: (chainId) => chainId === context.chains.solana.chain,
    })
    if (createSignInMessageText(parsed) !== message)
      throw new RelayError('invalid_request', { message: 'The signed message is not in the Sign-In With Solana layout.' })
    if (!isValidSolanaSignature(context.walletAddress, message, signature)) throw new RelayError('signature_invalid')
    return { walletAddress: context.walletAddress }
  },

  async checkSignature(walletAddress, data: VerificationData) {
    if (data.message === undefined || data.signature === undefined) return false
    return isValidSolanaSignature(walletAddress, data.message, data.signature)
  },
}
