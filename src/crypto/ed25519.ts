/**
 * Which ed25519 points a signature check may meet. RFC 8032 verifiers (OpenSSL,
 * Web Crypto) accept small-order public keys and R values: with R of small order
 * and S = 0, a "signature" verifies for every small-order key without any private
 * key. The key and R must be canonical encodings (y < p) of points outside the
 * 8-torsion subgroup (noble's published list of its points), as libsodium's strict
 * verification requires. No square root is taken: the check costs microseconds.
 */
import { ED25519_TORSION_SUBGROUP, ed25519 } from '@noble/curves/ed25519'

const P = ed25519.Point.CURVE().p

/** The y coordinate of an encoded point: the 255 low bits, little-endian (the top bit is the sign of x). */
function yOf(encoded: Uint8Array): bigint {
  let y = 0n
  for (let i = 31; i >= 0; i--) y = (y << 8n) | BigInt(i === 31 ? encoded[i]! & 0x7f : encoded[i]!)
  return y
}

const fromHex = (hex: string) => Uint8Array.from(hex.match(/../g)!, (byte) => Number.parseInt(byte, 16))

/** Every point with one of these y values has small order (both signs of x are in the torsion subgroup). */
const SMALL_ORDER_Y = new Set(ED25519_TORSION_SUBGROUP.map((hex) => yOf(fromHex(hex))))

/** A canonical encoding (y < p) of a point that does not have small order. */
export function isStrictPoint(encoded: Uint8Array): boolean {
  if (encoded.length !== 32) return false
  const y = yOf(encoded)
  return y < P && !SMALL_ORDER_Y.has(y)
}
