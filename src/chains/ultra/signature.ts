/**
 * Ultra (Antelope K1) signatures, read with @wharfkit/antelope: loaded with the
 * first Ultra proof (see server.ts).
 */
import { secp256k1 } from '@noble/curves/secp256k1'
import { bytesToNumberBE } from '@noble/curves/abstract/utils'
import { Bytes, PublicKey, Signature } from '@wharfkit/antelope'

const HALF_N = secp256k1.Point.CURVE().n / 2n

/** The key that made `signature` over `message`, or undefined when it is not a canonical K1 signature. Never throws. */
export function recoverUltraKey(message: string, signature: string): PublicKey | undefined {
  try {
    const parsed = Signature.from(signature)
    if (parsed.type !== 'K1') return undefined
    if (bytesToNumberBE(parsed.data.array.subarray(33, 65)) > HALF_N) return undefined
    return parsed.recoverMessage(Bytes.from(message, 'utf8'))
  } catch {
    return undefined
  }
}

/** Is `written` (an account's key, as the chain lists it) the key `key`? Never throws. */
export function sameKey(written: string, key: PublicKey): boolean {
  try {
    return PublicKey.from(written).equals(key)
  } catch {
    return false
  }
}
