/**
 * Substrate signatures, checked with @polkadot/util-crypto (sr25519 in its
 * WebAssembly): loaded with the first Substrate proof (see server.ts).
 */
import { secp256k1 } from '@noble/curves/secp256k1'
import { bytesToNumberBE } from '@noble/curves/abstract/utils'
import { hexToU8a, stringToU8a, u8aWrapBytes } from '@polkadot/util'
import { cryptoWaitReady, ed25519Verify, secp256k1Verify, sr25519Verify } from '@polkadot/util-crypto'
import { isStrictPoint } from '../../crypto/ed25519.js'

const HALF_N = secp256k1.Point.CURVE().n / 2n

let ready: Promise<boolean> | undefined
/** sr25519 runs in WebAssembly, which loads once. */
const wasm = () => (ready ??= cryptoWaitReady())

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

/** Does `signature` (0x-hex, checked by the caller) sign exactly `<Bytes>message</Bytes>` by `key`, in any scheme it may be? Never throws. */
export async function signsWrapped(key: Uint8Array, message: string, signature: string): Promise<boolean> {
  await wasm()
  const signed = u8aWrapBytes(stringToU8a(message))
  return candidates(hexToU8a(signature)).some(([scheme, bytes]) => verifies(scheme, signed, bytes, key))
}
