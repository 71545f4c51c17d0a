/**
 * ADR-036 signatures, checked with CosmJS: loaded with the first Cosmos proof (see server.ts).
 */
import { pubkeyToAddress } from '@cosmjs/amino'
import { Secp256k1, Secp256k1Signature, sha256 } from '@cosmjs/crypto'
import { fromBase64 } from '@cosmjs/encoding'
import { secp256k1 } from '@noble/curves/secp256k1'
import { bytesToNumberBE } from '@noble/curves/abstract/utils'
import { z } from 'zod/mini'
import { RelayError } from '../../protocol/errors.js'
import { adr36Bytes } from './adr36.js'

const HALF_N = secp256k1.Point.CURVE().n / 2n
const SECP256K1 = 'tendermint/PubKeySecp256k1'

const StdSignature = z.object({ pub_key: z.object({ type: z.string(), value: z.string() }), signature: z.string() })

/** The StdSignature's key and signature, refused by code when they cannot be this address's. */
export function stdSignature(text: string, address: string, prefix: string): { pubkey: Uint8Array; signature: Uint8Array } {
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
  if (bytesToNumberBE(signature.subarray(32)) > HALF_N) throw new RelayError('signature_invalid')
  return { pubkey, signature }
}

/** Is `signature` `pubkey`'s over the ADR-036 sign doc of `message` by `address`? */
export const adr36Signed = (pubkey: Uint8Array, signature: Uint8Array, address: string, message: string) =>
  Secp256k1.verifySignature(Secp256k1Signature.fromFixedLength(signature), sha256(adr36Bytes(address, message)), pubkey)

/** Is `signature` (StdSignature JSON) the address's (bech32 `prefix`) ADR-036 signature over `message`? Never throws. */
export async function signedBy(address: string, prefix: string, message: string, signatureText: string): Promise<boolean> {
  try {
    const { pubkey, signature } = stdSignature(signatureText, address, prefix)
    return await adr36Signed(pubkey, signature, address, message)
  } catch {
    return false
  }
}
