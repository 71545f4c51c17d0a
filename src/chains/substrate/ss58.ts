/**
 * SS58 addresses of 32-byte accounts, as Substrate's `Ss58Codec` writes them:
 * base58 of the format's prefix (one byte below 64, two bytes up to 16383), the
 * account, and the first two bytes of BLAKE2b-512("SS58PRE" ‖ prefix ‖ account).
 * Base58 and BLAKE2b are @scure/base's and @noble/hashes': these few lines keep
 * the relay from loading @polkadot/util-crypto (its WebAssembly and its BN
 * arithmetic) before the first Substrate proof. ss58.test.ts holds them to
 * @polkadot/util-crypto's encodeAddress/decodeAddress.
 */
import { blake2b } from '@noble/hashes/blake2b'
import { concatBytes } from '@noble/hashes/utils'
import { base58 } from '@scure/base'

const CONTEXT = new TextEncoder().encode('SS58PRE')
const ACCOUNT = 32
const CHECKSUM = 2
/** One-byte prefixes Substrate reserves: never an account's. */
const RESERVED = new Set([46, 47])

function checksum(body: Uint8Array): Uint8Array {
  return blake2b(concatBytes(CONTEXT, body), { dkLen: 64 }).subarray(0, CHECKSUM)
}

function prefixBytes(format: number): number[] {
  if (!Number.isInteger(format) || format < 0 || format > 16383 || RESERVED.has(format))
    throw new RangeError(`SS58 format ${format} is not one`)
  return format < 64 ? [format] : [((format & 0b1111_1100) >> 2) | 0b0100_0000, (format >> 8) | ((format & 0b11) << 6)]
}

/** The 32-byte account an SS58 address names (whatever its format), or undefined when it is not one with a valid checksum. */
export function decodeAccount(address: string): Uint8Array | undefined {
  let bytes: Uint8Array
  try {
    bytes = base58.decode(address)
  } catch {
    return undefined
  }
  const first = bytes[0]
  if (first === undefined || first >= 128 || RESERVED.has(first)) return undefined
  const prefixLength = first < 64 ? 1 : 2
  if (bytes.length !== prefixLength + ACCOUNT + CHECKSUM) return undefined
  const body = bytes.subarray(0, prefixLength + ACCOUNT)
  const sum = checksum(body)
  if (sum[0] !== bytes[body.length] || sum[1] !== bytes[body.length + 1]) return undefined
  return body.slice(prefixLength)
}

/** The SS58 address of a 32-byte account in `format`. */
export function encodeAccount(account: Uint8Array, format: number): string {
  if (account.length !== ACCOUNT) throw new RangeError(`an SS58 account is ${ACCOUNT} bytes, not ${account.length}`)
  const body = concatBytes(Uint8Array.from(prefixBytes(format)), account)
  return base58.encode(concatBytes(body, checksum(body)))
}
