/**
 * TON addresses in their two forms: raw (`workchain:hash`), which the relay keys
 * them by, and user-friendly (base64 or base64url of tag ‖ workchain ‖ hash ‖
 * CRC-16), which wallets show. The relay reads either form as @ton/core's
 * `Address.parse` does (address.test.ts holds it to that) without loading @ton/core
 * before the first TON proof; the widget writes the friendly form to show an address.
 */
import { base64url, toHex } from '../../crypto/port.js'

const BOUNCEABLE = 0x11
const NON_BOUNCEABLE = 0x51
const TEST_ONLY = 0x80
const RAW = /^(-?\d{1,10}):([0-9a-fA-F]{64})$/
const FRIENDLY = /^[A-Za-z0-9+/_-]{48}$/

/**
 * CRC-16/XMODEM (polynomial 0x1021, no reflection, initial 0), the checksum the
 * user-friendly form ends with: an error-detecting code, not cryptography.
 */
function crc16(data: Uint8Array): number {
  let crc = 0
  for (const byte of data) {
    crc ^= byte << 8
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff
  }
  return crc
}

/** `address` in raw form, or undefined when it is not a TON address (a bad checksum or tag included). */
export function tonRawAddress(address: string): string | undefined {
  const raw = RAW.exec(address)
  if (raw) {
    const workchain = Number(raw[1])
    return workchain >= -(2 ** 31) && workchain < 2 ** 31 ? `${workchain}:${raw[2]!.toLowerCase()}` : undefined
  }
  if (!FRIENDLY.test(address)) return undefined
  const bytes = Uint8Array.from(atob(address.replaceAll('-', '+').replaceAll('_', '/')), (char) => char.charCodeAt(0))
  if (bytes.length !== 36 || crc16(bytes.subarray(0, 34)) !== ((bytes[34]! << 8) | bytes[35]!)) return undefined
  const tag = bytes[0]! & ~TEST_ONLY
  if (tag !== BOUNCEABLE && tag !== NON_BOUNCEABLE) return undefined
  const workchain = bytes[1] === 0xff ? -1 : bytes[1]!
  return `${workchain}:${toHex(bytes.subarray(2, 34))}`
}

/**
 * A raw address (`0:…`) in the user-friendly form TON wallets show: URL-safe base64 of
 * flags (0x51 non-bounceable, as wallets are shown; | 0x80 on testnet), the workchain,
 * the 32-byte hash and its CRC-16. Anything else is returned as it came.
 */
export function tonFriendlyAddress(raw: string, { testnet = false }: { testnet?: boolean } = {}): string {
  const match = /^(-?\d{1,3}):([0-9a-fA-F]{64})$/.exec(raw)
  if (!match) return raw
  const bytes = new Uint8Array(36)
  bytes[0] = NON_BOUNCEABLE | (testnet ? TEST_ONLY : 0)
  bytes[1] = Number(match[1]) & 0xff
  for (let i = 0; i < 32; i++) bytes[2 + i] = Number.parseInt(match[2]!.slice(i * 2, i * 2 + 2), 16)
  const crc = crc16(bytes.subarray(0, 34))
  bytes[34] = crc >> 8
  bytes[35] = crc & 0xff
  return base64url(bytes)
}
