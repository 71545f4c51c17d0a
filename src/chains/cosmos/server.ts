/**
 * Cosmos proofs: the relay's CAIP-122 text, checked field by field and then for
 * being exactly the text the relay built for the challenge's chain id, signed
 * per ADR-036. The `StdSignature`'s secp256k1 key must hash to the address
 * (CosmJS `pubkeyToAddress`), and the signature, low-s, must be that key's over
 * the sign doc's SHA-256 (CosmJS `Secp256k1.verifySignature`). Other key types
 * (Ethermint's eth_secp256k1, multisig) are `wallet_unsupported`.
 */
import { pubkeyToAddress } from '@cosmjs/amino'
import { Secp256k1, Secp256k1Signature, sha256 } from '@cosmjs/crypto'
import { fromBase64, toBech32 } from '@cosmjs/encoding'
import { bech32 as bech32Codec } from '@scure/base'
import { secp256k1 } from '@noble/curves/secp256k1'
import { z } from 'zod/mini'
import { RelayError } from '../../protocol/errors.js'
import type { SignedMessage } from '../bounded.js'
import type { ServerChain } from '../server-face.js'
import { caip122Message, parseCaip122 } from '../sign-in/caip122.js'
import { boundedSignInText, checkSignInFields } from '../sign-in/fields.js'
import { adr36Bytes } from './adr36.js'
import { cosmos, cosmosChainId, type CosmosSettings } from './spec.js'

const ACCOUNT = 'Cosmos'
const HALF_N = secp256k1.Point.CURVE().n / 2n
const SECP256K1 = 'tendermint/PubKeySecp256k1'

const StdSignature = z.object({ pub_key: z.object({ type: z.string(), value: z.string() }), signature: z.string() })

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

const bigEndian = (bytes: Uint8Array) => bytes.reduce((n, byte) => (n << 8n) | BigInt(byte), 0n)

/** The StdSignature's key and signature, refused by code when they cannot be this address's. */
function stdSignature(text: string, address: string, prefix: string): { pubkey: Uint8Array; signature: Uint8Array } {
  let parsed: z.infer<typeof StdSignature>
  try {
    parsed = StdSignature.parse(JSON.parse(text))
  } catch {
    throw new RelayError('invalid_request', { message: 'The signature is not the JSON text of an ADR-036 StdSignature.' })
  }
  if (parsed.pub_key.type !== SECP256K1)
    throw new RelayError('wallet_unsupported', { message: `This relay cannot verify ${parsed.pub_key.type} keys.` })
  let pubkey: Uint8Array
  let signature: Uint8Array
  try {
    pubkey = fromBase64(parsed.pub_key.value)
    signature = fromBase64(parsed.signature)
  } catch {
    throw new RelayError('signature_invalid', { message: 'The StdSignature is not base64.' })
  }
  if (pubkey.length !== 33 || signature.length !== 64) throw new RelayError('signature_invalid')
  if (pubkeyToAddress({ type: SECP256K1, value: parsed.pub_key.value }, prefix) !== address)
    throw new RelayError('signature_invalid', { message: 'The signature’s public key is not the address’s.' })
  if (bigEndian(signature.subarray(32)) > HALF_N) throw new RelayError('signature_invalid')
  return { pubkey, signature }
}

/** Is `signature` (StdSignature JSON) the address's ADR-036 signature over `message`? Never throws. */
async function signedBy(address: string, message: string, signatureText: string): Promise<boolean> {
  try {
    const { pubkey, signature } = stdSignature(signatureText, address, bech32(address)!.prefix)
    return await Secp256k1.verifySignature(Secp256k1Signature.fromFixedLength(signature), sha256(adr36Bytes(address, message)), pubkey)
  } catch {
    return false
  }
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
      const { pubkey, signature: bytes } = stdSignature(signature, address, prefix)
      const valid = await Secp256k1.verifySignature(Secp256k1Signature.fromFixedLength(bytes), sha256(adr36Bytes(address, message)), pubkey)
      if (!valid) throw new RelayError('signature_invalid')
      return { walletAddress: address }
    },
  }),

  snagCheck: async (walletAddress, data) =>
    data.message !== undefined && data.signature !== undefined && signedBy(walletAddress, data.message, data.signature),
}
