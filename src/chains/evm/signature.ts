/**
 * EVM messages and signatures, written, recovered and checked with viem (a
 * contract's signature asked of its chain, contract-signature.ts): loaded with the
 * first EVM-family challenge or proof (see server.ts).
 */
import { secp256k1 } from '@noble/curves/secp256k1'
import {
  compactSignatureToSignature,
  hexToBigInt,
  isAddress,
  parseCompactSignature,
  parseSignature,
  serializeSignature,
  verifyMessage,
  type Hex,
} from 'viem'

export { isErc6492Signature } from 'viem'
export { parseSiweMessage } from 'viem/siwe'
export { contractSignature } from './contract-signature.js'
export { siweMessage } from './siwe.js'

const HEX = /^0x[0-9a-fA-F]+$/
const HALF_N = secp256k1.Point.CURVE().n / 2n

export function isHighS(signature: Hex): boolean {
  if (signature.length !== 132) return false
  try {
    return hexToBigInt(parseSignature(signature).s) > HALF_N
  } catch {
    return false
  }
}

const COMPACT_LENGTH = 2 + 64 * 2

/** The 65-byte form of a signature: an EIP-2098 compact one expanded, any other as given. Never throws. */
export function expandedSignature(signature: string): string {
  if (signature.length !== COMPACT_LENGTH || !HEX.test(signature)) return signature
  try {
    return serializeSignature(compactSignatureToSignature(parseCompactSignature(signature as Hex)))
  } catch {
    return signature
  }
}

/** Does `signature` (65 bytes or EIP-2098 compact) recover to `address` over `message`, with a low s? Never throws. */
export async function isValidEvmSignature(address: string, message: string, given: string): Promise<boolean> {
  const signature = expandedSignature(given)
  if (!isAddress(address, { strict: false }) || !HEX.test(signature) || isHighS(signature as Hex)) return false
  try {
    return await verifyMessage({ address, message, signature: signature as Hex })
  } catch {
    return false
  }
}
