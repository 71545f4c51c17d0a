/**
 * Cosmos proofs: the relay's CAIP-122 text, checked field by field and then for
 * being exactly the text the relay built for the challenge's chain id, signed
 * per ADR-036. The `StdSignature`'s secp256k1 key must hash to the address
 * (CosmJS `pubkeyToAddress`), and the signature, low-s, must be that key's over
 * the sign doc's SHA-256 (CosmJS `Secp256k1.verifySignature`). Other key types
 * (Ethermint's eth_secp256k1, multisig) are `wallet_unsupported`.
 */
import { toBech32 } from '@cosmjs/encoding'
import { bech32 as bech32Codec } from '@scure/base'
import { RelayError } from '../../protocol/errors.js'
import type { SignedMessage } from '../bounded.js'
import { lazy } from '../lazy.js'
import type { ServerChain } from '../server-face.js'
import { caip122Message, parseCaip122 } from '../sign-in/caip122.js'
import { boundedSignInText, checkSignInFields } from '../sign-in/fields.js'
import { cosmos, cosmosChainId, type CosmosSettings } from './spec.js'

const ACCOUNT = 'Cosmos'
/** The signature checks and CosmJS's cryptography, loaded with the first proof. */
const signatures = lazy(() => import('./signature.js'))

/**
 * The address's prefix and bytes, or undefined when it is not bech32 of 20 or 32
 * bytes (read with @scure/base: CosmJS 0.39's fromBech32 fails with @scure/base 2.4).
 */
function bech32(address: string): { prefix: string; data: Uint8Array } | undefined {
  try {
    const { prefix, bytes } = bech32Codec.decodeToBytes(address)
    return bytes.length === 20 || bytes.length === 32 ? { prefix, data: bytes } : undefined
  } catch {
    return undefined
  }
}

const canonical = (address: string) => {
  const decoded = bech32(address)
  return decoded && toBech32(decoded.prefix, decoded.data)
}

export const cosmosServer: ServerChain<CosmosSettings, 'cosmos'> = {
  spec: cosmos,
  canonicalAddress: canonical,

  verifier: ({ settings, now }) => ({
    challengeChainId(requested) {
      const chainId = requested ?? settings.chainIds[0]
      if (typeof chainId !== 'string' || !settings.chainIds.includes(chainId))
        throw new RelayError('chain_not_allowed', { details: `cosmos chain ${String(chainId)}` })
      return chainId
    },

    message: (challenge) =>
      caip122Message(ACCOUNT, { ...challenge, address: challenge.address!, chainId: cosmosChainId(String(challenge.chainId)) }),

    nonceOf(proof) {
      const nonce = parseCaip122(ACCOUNT, boundedSignInText((proof as SignedMessage).message))?.nonce
      if (!nonce) throw new RelayError('invalid_request', { message: 'The message is not a Sign in with Cosmos text.' })
      return nonce
    },

    async verify(proof, { challenge, walletAddress }) {
      const { message, signature } = proof as SignedMessage
      const fields = parseCaip122(ACCOUNT, boundedSignInText(message))
      const address = canonical(walletAddress)
      if (!fields || !address)
        throw new RelayError('invalid_request', { message: 'The message is not a Sign in with Cosmos text for a bech32 address.' })
      const prefix = bech32(address)!.prefix
      if (!settings.prefixes.includes(prefix)) throw new RelayError('chain_not_allowed', { details: `bech32 prefix ${prefix}` })
      // The text names `cosmos:<chain id>`; the challenge binds the bare chain id.
      const named = String(fields.chainId ?? '')
      const chainId = named.startsWith('cosmos:') ? named.slice('cosmos:'.length) : undefined
      checkSignInFields(
        { ...fields, chainId },
        { challenge, walletAddress, now: now() },
        {
          sameAddress: (a, b) => canonical(a) === canonical(b),
          chainAllowed: (id) => typeof id === 'string' && settings.chainIds.includes(id),
        },
      )
      if (message !== caip122Message(ACCOUNT, { ...challenge, address, chainId: cosmosChainId(String(challenge.chainId)) }))
        throw new RelayError('invalid_request', { message: 'The signed message is not the one the relay issued.' })
      const { stdSignature, adr36Signed } = await signatures()
      const { pubkey, signature: bytes } = stdSignature(signature, address, prefix)
      if (!(await adr36Signed(pubkey, bytes, address, message))) throw new RelayError('signature_invalid')
      return { walletAddress: address }
    },
  }),

  snagCheck: async (walletAddress, data) => {
    const prefix = bech32(walletAddress)?.prefix
    return (
      prefix !== undefined &&
      data.message !== undefined &&
      data.signature !== undefined &&
      (await signatures()).signedBy(walletAddress, prefix, data.message, data.signature)
    )
  },
}
