/**
 * A TON address in the raw form the relay keys it by (`workchain:hash`, hash in
 * lowercase hex), read from either form a wallet may give: raw, or user-friendly
 * (base64 or base64url of tag ‖ workchain ‖ hash ‖ CRC16-XMODEM, as TEP-2 and
 * @ton/core's `Address.parse` read it). These few lines keep the relay from
 * loading @ton/core before the first TON proof; address.test.ts holds them to
 * `Address.parse(…).toRawString()`.
 */
import { base64 } from '@scure/base'

const BOUNCEABLE = 0x11
const NON_BOUNCEABLE = 0x51
const TEST_ONLY = 0x80
const RAW = /^(-?\d{1,10}):([0-9a-fA-F]{64})$/
const FRIENDLY = /^[A-Za-z0-9+/_-]{48}$/

/** CRC-16/XMODEM (polynomial 0x1021, no reflection, initial 0): the checksum of a user-friendly address. */
function crc16(data: Uint8Array): number {
  let crc = 0
  for (const byte of data) {
    crc ^= byte << 8
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff
  }
  return crc
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')

/** `address` in raw form, or undefined when it is not a TON address (a bad checksum or tag included). */
export function tonRawAddress(address: string): string | undefined {
  const raw = RAW.exec(address)
  if (raw) {
    const workchain = Number(raw[1])
    return workchain >= -(2 ** 31) && workchain < 2 ** 31 ? `${workchain}:${raw[2]!.toLowerCase()}` : undefined
  }
  if (!FRIENDLY.test(address)) return undefined
  let bytes: Uint8Array
  try {
    bytes = base64.decode(address.replaceAll('-', '+').replaceAll('_', '/'))
  } catch {
    return undefined
  }
  if (bytes.length !== 36 || crc16(bytes.subarray(0, 34)) !== ((bytes[34]! << 8) | bytes[35]!)) return undefined
  const tag = bytes[0]! & ~TEST_ONLY
  if (tag !== BOUNCEABLE && tag !== NON_BOUNCEABLE) return undefined
  const workchain = bytes[1] === 0xff ? -1 : bytes[1]!
  return `${workchain}:${hex(bytes.subarray(2, 34))}`
}
