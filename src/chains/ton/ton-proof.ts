/**
 * The bytes a TON wallet signs for `ton_proof` (TON Connect specification):
 *
 *   message = "ton-proof-item-v2/" ‖ workchain (int32 BE) ‖ address hash (32 bytes)
 *             ‖ domain length (uint32 LE) ‖ domain ‖ timestamp (uint64 LE) ‖ payload
 *   signed  = ed25519( sha256( 0xffff ‖ "ton-connect" ‖ sha256(message) ) )
 *
 * Shared by the relay (to verify) and the demo wallet (to sign); hashing is left to
 * each side (node:crypto on the server, Web Crypto in the page).
 */
export type TonProofFields = {
  workchain: number
  addressHash: Uint8Array
  domain: string
  timestamp: number
  payload: string
}

const encoder = new TextEncoder()
const PREFIX = encoder.encode('ton-proof-item-v2/')
export const TON_CONNECT_PREFIX = Uint8Array.of(0xff, 0xff, ...encoder.encode('ton-connect'))

export function tonProofMessage({ workchain, addressHash, domain, timestamp, payload }: TonProofFields): Uint8Array {
  const domainBytes = encoder.encode(domain)
  const payloadBytes = encoder.encode(payload)
  const out = new Uint8Array(PREFIX.length + 4 + 32 + 4 + domainBytes.length + 8 + payloadBytes.length)
  const view = new DataView(out.buffer)
  let at = 0
  out.set(PREFIX, at)
  at += PREFIX.length
  view.setInt32(at, workchain, false)
  at += 4
  out.set(addressHash, at)
  at += 32
  view.setUint32(at, domainBytes.length, true)
  at += 4
  out.set(domainBytes, at)
  at += domainBytes.length
  view.setBigUint64(at, BigInt(timestamp), true)
  at += 8
  out.set(payloadBytes, at)
  return out
}

/** `0xffff ‖ "ton-connect" ‖ messageHash`: what is hashed once more and signed. */
export function tonProofEnvelope(messageHash: Uint8Array): Uint8Array {
  const out = new Uint8Array(TON_CONNECT_PREFIX.length + messageHash.length)
  out.set(TON_CONNECT_PREFIX)
  out.set(messageHash, TON_CONNECT_PREFIX.length)
  return out
}
