/**
 * Substrate proofs: the relay's CAIP-122 text, checked field by field and then
 * for being exactly the text the relay built (the address in the network's SS58
 * format, whatever prefix the wallet gave), signed over `<Bytes>` + text +
 * `</Bytes>` — that exact text: `signatureVerify`'s guess between wrapped and
 * bare text is not used. `@polkadot/util-crypto` verifies sr25519, ed25519 and
 * ecdsa keys (the signature bare, or with its MultiSignature type byte); an
 * ed25519 key or R of small order, or an ecdsa s in the upper half, is refused.
 */
import { secp256k1 } from '@noble/curves/secp256k1'
import { bytesToNumberBE } from '@noble/curves/abstract/utils'
import { hexToU8a, isHex, stringToU8a, u8aWrapBytes } from '@polkadot/util'
import { cryptoWaitReady, decodeAddress, ed25519Verify, encodeAddress, secp256k1Verify, sr25519Verify } from '@polkadot/util-crypto'
import { isStrictPoint } from '../../crypto/ed25519.js'
import { RelayError } from '../../protocol/errors.js'
import type { ServerChain } from '../server-face.js'
import { signInTextVerifier } from '../sign-in/verifier.js'
import { substrate, type SubstrateSettings } from './spec.js'

const ACCOUNT = 'Substrate'
const HALF_N = secp256k1.Point.CURVE().n / 2n
/** The SS58 format the relay keys addresses by, whatever the network (the generic Substrate prefix). */
const GENERIC = 42

let ready: Promise<boolean> | undefined
/** sr25519 runs in WebAssembly, which loads once. */
const wasm = () => (ready ??= cryptoWaitReady())

/** The account's public key (32 bytes; the hash of the key for ecdsa accounts), or undefined when it is not an SS58 address. */
function publicKeyOf(address: string): Uint8Array | undefined {
  if (isHex(address)) return undefined
  try {
    const key = decodeAddress(address)
    return key.length === 32 ? key : undefined
  } catch {
    return undefined
  }
}

const canonical = (address: string) => {
  const key = publicKeyOf(address)
  return key && encodeAddress(key, GENERIC)
}

type Scheme = 'sr25519' | 'ed25519' | 'ecdsa'

/** The schemes a signature of this length (and type byte) may be, with its bare bytes. */
function candidates(bytes: Uint8Array): [Scheme, Uint8Array][] {
  if (bytes.length === 64)
    return [
      ['sr25519', bytes],
      ['ed25519', bytes],
    ]
  if (bytes.length === 65)
    return [
      ['ecdsa', bytes],
      ...(bytes[0] === 0 ? [['ed25519', bytes.subarray(1)] as [Scheme, Uint8Array]] : []),
      ...(bytes[0] === 1 ? [['sr25519', bytes.subarray(1)] as [Scheme, Uint8Array]] : []),
    ]
  if (bytes.length === 66 && bytes[0] === 2) return [['ecdsa', bytes.subarray(1)]]
  return []
}

function verifies(scheme: Scheme, signed: Uint8Array, signature: Uint8Array, key: Uint8Array): boolean {
  try {
    if (scheme === 'sr25519') return sr25519Verify(signed, signature, key)
    if (scheme === 'ed25519') return isStrictPoint(key) && isStrictPoint(signature.subarray(0, 32)) && ed25519Verify(signed, signature, key)
    return bytesToNumberBE(signature.subarray(32, 64)) <= HALF_N && secp256k1Verify(signed, signature, key, 'blake2')
  } catch {
    return false
  }
}

/** Does `signature` (0x-hex) sign exactly `<Bytes>message</Bytes>` by the address's key, strictly? Never throws. */
async function signedBy(address: string, message: string, signature: string): Promise<boolean> {
  const key = publicKeyOf(address)
  if (!key || !/^0x(?:[0-9a-fA-F]{128}|[0-9a-fA-F]{130}|[0-9a-fA-F]{132})$/.test(signature)) return false
  await wasm()
  const signed = u8aWrapBytes(stringToU8a(message))
  return candidates(hexToU8a(signature)).some(([scheme, bytes]) => verifies(scheme, signed, bytes, key))
}

export const substrateServer: ServerChain<SubstrateSettings, 'substrate'> = {
  spec: substrate,
  canonicalAddress: canonical,

  verifier: ({ settings, now }) =>
    signInTextVerifier({
      account: ACCOUNT,
      addressKind: 'an SS58 address',
      chainId: settings.chainId,
      now,
      canonical,
      // The text writes the address in the network's SS58 form, whatever prefix the wallet gave.
      written: (address) => encodeAddress(publicKeyOf(address)!, settings.ss58),
      async checkSignature(message, signature, address) {
        if (!(await signedBy(address, message, signature))) throw new RelayError('signature_invalid')
      },
    }),

  snagCheck: async (walletAddress, data) =>
    data.message !== undefined && data.signature !== undefined && signedBy(walletAddress, data.message, data.signature),
}
