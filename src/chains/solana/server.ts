/**
 * Solana proofs: a Sign-In With Solana text (from `solana:signIn`, or the relay's
 * own text signed with `solana:signMessage`) and its ed25519 signature, base58.
 *
 * The text must be in the canonical layout (parsing and rebuilding it gives the
 * same bytes, as the Wallet Standard's own `verifySignIn` requires), every field
 * must match the challenge, and the signature must be the address's over exactly
 * those bytes, with a key and R of no small order (crypto/ed25519.ts).
 */
import { base58 } from '@scure/base'
import { createSignInMessageText, parseSignInMessageText } from '@solana/wallet-standard-util'
import { verifyEd25519, type CryptoPort } from '../../crypto/port.js'
import { RelayError } from '../../protocol/errors.js'
import type { SignedMessage } from '../bounded.js'
import type { ServerChain } from '../server-face.js'
import { boundedSignInText, checkSignInFields } from '../sign-in/fields.js'
import { siwsMessage } from './siws.js'
import { solana, type SolanaSettings } from './spec.js'

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
export async function isValidSolanaSignature(crypto: CryptoPort, address: string, message: string, signature: string): Promise<boolean> {
  const publicKey = solanaPublicKey(address)
  const bytes = decodeSignature(signature)
  return !!publicKey && !!bytes && verifyEd25519(crypto, publicKey, new TextEncoder().encode(message), bytes)
}

function signedText(proof: unknown) {
  const { message, signature } = proof as SignedMessage
  const parsed = parseSignInMessageText(boundedSignInText(message))
  if (!parsed) throw new RelayError('invalid_request', { message: 'The message is not a Sign-In With Solana message.' })
  return { message, signature, parsed }
}

export const solanaServer: ServerChain<SolanaSettings, 'solana'> = {
  spec: solana,

  canonicalAddress: (address) => (solanaPublicKey(address) ? address : undefined),

  verifier: ({ settings, crypto, now }) => ({
    challengeChainId(requested) {
      if (requested !== undefined)
        throw new RelayError('invalid_request', { message: 'A Solana challenge takes no chainId; the relay names its cluster.' })
      return undefined
    },

    message: (challenge) => siwsMessage(challenge, settings.chain, challenge.address!),

    nonceOf(proof) {
      const { nonce } = signedText(proof).parsed
      if (!nonce) throw new RelayError('invalid_request', { message: 'The Sign-In With Solana message has no nonce.' })
      return nonce
    },

    async verify(proof, { challenge, walletAddress }) {
      const { message, signature, parsed } = signedText(proof)
      if (!solanaPublicKey(walletAddress))
        throw new RelayError('invalid_request', { message: 'walletAddress is not a base58 Solana address (32 bytes).' })
      checkSignInFields(
        parsed,
        { challenge, walletAddress, now: now() },
        { sameAddress: (a, b) => a === b, chainAllowed: (chainId) => chainId === settings.chain },
      )
      if (createSignInMessageText(parsed) !== message)
        throw new RelayError('invalid_request', { message: 'The signed message is not in the Sign-In With Solana layout.' })
      if (!(await isValidSolanaSignature(crypto, walletAddress, message, signature))) throw new RelayError('signature_invalid')
      return { walletAddress }
    },
  }),

  async snagCheck(walletAddress, data, crypto) {
    if (data.message === undefined || data.signature === undefined) return false
    return isValidSolanaSignature(crypto, walletAddress, data.message, data.signature)
  },
}
