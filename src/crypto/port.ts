/**
 * The cryptography the relay and the emulator need, as a port each runtime
 * fills: Web Crypto by default (Node, Bun, Deno, Workers, browsers), while the
 * Node entry injects `node:crypto`, measured faster there (synchronous hashing,
 * OpenSSL's ed25519). Every ed25519 check goes through `verifyEd25519` below,
 * which refuses weak keys and R values before either implementation runs.
 */
import { isStrictPoint } from './ed25519.js'

export interface CryptoPort {
  sha256(data: Uint8Array): Promise<Uint8Array>
  /** Is `signature` (64 bytes) `publicKey`'s (32 bytes) over `message`? Never throws. */
  ed25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean>
  randomBytes(length: number): Uint8Array
  /** HMAC-SHA-256 under `key`: the key is imported once, and the function returned signs with it. */
  hmacSha256(key: Uint8Array): (data: Uint8Array) => Promise<Uint8Array>
}

/** Copies into an ArrayBuffer-backed view, which Web Crypto's typings ask for. */
const own = (bytes: Uint8Array) => new Uint8Array(bytes)

export const webCrypto: CryptoPort = {
  async sha256(data) {
    return new Uint8Array(await crypto.subtle.digest('SHA-256', own(data)))
  },
  async ed25519(publicKey, message, signature) {
    try {
      const key = await crypto.subtle.importKey('raw', own(publicKey), { name: 'Ed25519' }, false, ['verify'])
      return await crypto.subtle.verify({ name: 'Ed25519' }, key, own(signature), own(message))
    } catch {
      return false
    }
  },
  randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
  hmacSha256(key) {
    const imported = crypto.subtle.importKey('raw', own(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
    return async (data) => new Uint8Array(await crypto.subtle.sign('HMAC', await imported, own(data)))
  },
}

/**
 * The ed25519 check every verifier uses: lengths, then a canonical key and R outside
 * the small-order subgroup (see ed25519.ts), then the port's own verification.
 */
export async function verifyEd25519(port: CryptoPort, publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
  if (publicKey.length !== 32 || signature.length !== 64) return false
  if (!isStrictPoint(publicKey) || !isStrictPoint(signature.subarray(0, 32))) return false
  return port.ed25519(publicKey, message, signature)
}

const HEX = '0123456789abcdef'
export const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => HEX[b >> 4]! + HEX[b & 15]!).join('')

/** SHA-256 of a string's UTF-8 bytes, in hex. */
export async function sha256Hex(port: CryptoPort, text: string): Promise<string> {
  return toHex(await port.sha256(new TextEncoder().encode(text)))
}

/** Bytes as base64url without padding (RFC 4648 §5). */
export function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}
