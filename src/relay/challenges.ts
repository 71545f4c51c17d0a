/**
 * Single-use challenges, kept by no one until they are answered. A nonce carries
 * its own issue time, lifetime, chain id and (when the wallet named it) a tag of
 * the address, and a MAC (HMAC-SHA256, Web Crypto) over those and what it was
 * issued for: the chain, the page's origin and the statement. So issuing costs
 * the store nothing, however many challenges are asked for and never answered;
 * only an answered nonce is remembered (as used, until it expires), which makes
 * each single-use across every instance sharing the store.
 *
 *   nonce = hex( flags ‖ issuedAt (ms, 48 bits) ‖ ttl (s, 16 bits) ‖ [chainId (64 bits) | length ‖ chain reference (UTF-8)]
 *                ‖ [sha256(address), first 64 bits] ‖ random (64 bits) ‖ mac (128 bits) )
 *
 * The MAC key is derived from the relay's configuration (CHALLENGE_SECRET, or
 * the Snag API key every instance shares), never sent anywhere.
 */
import { type CryptoPort, webCrypto } from '../crypto/port.js'
import { RelayError } from '../protocol/errors.js'
import type { ChallengeRecord } from '../chains/server-face.js'
import type { Store } from './stores/types.js'

const USED = 'lw:used:'
const PARKED = 'lw:parked:'
const VERSION = 1
const HAS_CHAIN_ID = 1
const HAS_ADDRESS = 2
const MAC_BYTES = 16
const TAG_BYTES = 8
/** A chain id that is a string (a Cosmos chain id): its length, then its UTF-8 bytes. */
const HAS_CHAIN_REF = 4
const MAX_CHAIN_REF = 64

export type ChallengesOptions = {
  store: Store
  now: () => number
  ttlSeconds: number
  statement: string
  /** Secret key material for the MAC; every instance sharing a store must use the same. */
  secret: string
  /** The origins a challenge may have been issued for (to tell "another site" from "unknown"). */
  allowedOrigins: readonly string[]
  /** The MAC and hash: Web Crypto by default (Node's entry gives node:crypto). */
  crypto?: CryptoPort
}

/** What a challenge is issued for: the chain, and optionally its chain id and the wallet's canonical address. */
export type ChallengeSubject = { walletType: string; chainId?: number | string | undefined; address?: string | undefined }

export type Challenges = ReturnType<typeof createChallenges>

const encoder = new TextEncoder()
const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
const NONCE = /^(?:[0-9a-f]{2}){33,120}$/

function fromHex(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2)
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16)
  return bytes
}

/** Equal bytes, compared in time that does not depend on where they differ. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!
  return diff === 0
}

export function createChallenges({ store, now, ttlSeconds, statement, secret, allowedOrigins, crypto = webCrypto }: ChallengesOptions) {
  // The MAC key is derived from the secret once, so that the secret itself signs nothing else.
  const sign = crypto
    .hmacSha256(encoder.encode(secret))(encoder.encode('link-wallet challenge key v1'))
    .then((derived) => crypto.hmacSha256(derived))

  /** The first 64 bits of the address's SHA-256: which wallet a challenge was asked for. */
  const addressTag = async (address: string) => (await crypto.sha256(encoder.encode(address))).subarray(0, TAG_BYTES)

  async function mac(head: Uint8Array, walletType: string, origin: string): Promise<Uint8Array> {
    const context = encoder.encode(JSON.stringify([walletType, origin, statement]))
    const data = new Uint8Array(head.length + context.length)
    data.set(head)
    data.set(context, head.length)
    return (await (await sign)(data)).subarray(0, MAC_BYTES)
  }

  function record(nonce: string, subject: ChallengeSubject, origin: string, issuedAt: number, ttl: number): ChallengeRecord {
    return {
      nonce,
      walletType: subject.walletType,
      origin,
      domain: new URL(origin).host,
      uri: origin,
      statement,
      version: '1',
      chainId: subject.chainId,
      address: subject.address,
      issuedAt: new Date(issuedAt).toISOString(),
      expiresAt: new Date(issuedAt + ttl * 1000).toISOString(),
    }
  }

  return {
    async issue(subject: ChallengeSubject, origin: string): Promise<ChallengeRecord> {
      const issuedAt = now()
      const ref = typeof subject.chainId === 'string' ? encoder.encode(subject.chainId) : undefined
      if (ref && (ref.length === 0 || ref.length > MAX_CHAIN_REF)) throw new RangeError('a chain reference of 1 to 64 bytes')
      const flags =
        (typeof subject.chainId === 'number' ? HAS_CHAIN_ID : 0) |
        (ref ? HAS_CHAIN_REF : 0) |
        (subject.address !== undefined ? HAS_ADDRESS : 0)
      const head = new Uint8Array(
        1 + 6 + 2 + (flags & HAS_CHAIN_ID ? 8 : 0) + (ref ? 1 + ref.length : 0) + (flags & HAS_ADDRESS ? TAG_BYTES : 0) + 8,
      )
      const view = new DataView(head.buffer)
      view.setUint8(0, (VERSION << 4) | flags)
      view.setUint16(1, Math.floor(issuedAt / 2 ** 32))
      view.setUint32(3, issuedAt % 2 ** 32)
      view.setUint16(7, ttlSeconds)
      let at = 9
      if (typeof subject.chainId === 'number') {
        view.setBigUint64(at, BigInt(subject.chainId))
        at += 8
      }
      if (ref) {
        view.setUint8(at, ref.length)
        head.set(ref, at + 1)
        at += 1 + ref.length
      }
      if (subject.address !== undefined) head.set(await addressTag(subject.address), at)
      head.set(crypto.randomBytes(8), head.length - 8)
      const nonce = toHex(head) + toHex(await mac(head, subject.walletType, origin))
      return record(nonce, subject, origin, issuedAt, ttlSeconds)
    },

    /**
     * The challenge `nonce` stands for, when this relay issued it for this chain
     * and origin: `challenge_unknown` otherwise, `domain_mismatch` when it was issued
     * for another allowed origin, `address_mismatch` when for another wallet than
     * `subject.address` (canonical). Expiry is the verifier's to judge.
     */
    async open(nonce: string, subject: { walletType: string; address: string }, origin: string): Promise<ChallengeRecord> {
      if (!NONCE.test(nonce)) throw new RelayError('challenge_unknown')
      const bytes = fromHex(nonce)
      const view = new DataView(bytes.buffer)
      const flags = view.getUint8(0) & 0x0f
      const refLength = flags & HAS_CHAIN_REF ? view.getUint8(9 + (flags & HAS_CHAIN_ID ? 8 : 0)) : 0
      const length =
        1 + 6 + 2 + (flags & HAS_CHAIN_ID ? 8 : 0) + (flags & HAS_CHAIN_REF ? 1 + refLength : 0) + (flags & HAS_ADDRESS ? TAG_BYTES : 0) + 8
      if (view.getUint8(0) >> 4 !== VERSION || bytes.length !== length + MAC_BYTES) throw new RelayError('challenge_unknown')
      const head = bytes.subarray(0, bytes.length - MAC_BYTES)
      const given = bytes.subarray(bytes.length - MAC_BYTES)
      if (!sameBytes(given, await mac(head, subject.walletType, origin))) {
        for (const other of allowedOrigins)
          if (other !== origin && sameBytes(given, await mac(head, subject.walletType, other)))
            throw new RelayError('domain_mismatch', { details: `challenge for ${other}, link from ${origin}` })
        throw new RelayError('challenge_unknown')
      }
      const issuedAt = view.getUint16(1) * 2 ** 32 + view.getUint32(3)
      const ttl = view.getUint16(7)
      let at = 9
      let chainId: number | string | undefined
      if (flags & HAS_CHAIN_ID) {
        chainId = Number(view.getBigUint64(at))
        at += 8
      }
      if (flags & HAS_CHAIN_REF) {
        chainId = new TextDecoder().decode(head.subarray(at + 1, at + 1 + refLength))
        at += 1 + refLength
      }
      if (flags & HAS_ADDRESS && !sameBytes(head.subarray(at, at + TAG_BYTES), await addressTag(subject.address)))
        throw new RelayError('address_mismatch', {
          message: 'The challenge was asked for another wallet.',
          details: 'challenge address tag',
        })
      return record(
        nonce,
        { walletType: subject.walletType, chainId, address: flags & HAS_ADDRESS ? subject.address : undefined },
        origin,
        issuedAt,
        ttl,
      )
    },

    /** True for exactly one caller per challenge, however many race, on every instance sharing the store. */
    async claim(challenge: ChallengeRecord): Promise<boolean> {
      const ttlMs = Math.max(1000, Date.parse(challenge.expiresAt) - now())
      return store.setIfAbsent(USED + challenge.nonce, '1', ttlMs)
    },

    /**
     * A claimed challenge whose proof verified but whose upstream call failed for a
     * passing reason: kept until the challenge expires, for that same request only
     * (`binding` names the proof and who sent it, with which session and intent).
     */
    async park(challenge: ChallengeRecord, binding: string): Promise<void> {
      const ttlMs = Date.parse(challenge.expiresAt) - now()
      if (ttlMs > 0) await store.set(PARKED + challenge.nonce, binding, ttlMs)
    },

    /** True for exactly one caller sending again the very request that was parked. */
    async unpark(challenge: ChallengeRecord, binding: string): Promise<boolean> {
      if ((await store.get(PARKED + challenge.nonce)) !== binding) return false
      return store.deleteIf(PARKED + challenge.nonce, binding)
    },
  }
}

export function toChallengeResponse(record: ChallengeRecord) {
  const { nonce, domain, uri, statement, version, chainId, issuedAt, expiresAt } = record
  return { nonce, domain, uri, statement, version, ...(chainId === undefined ? {} : { chainId }), issuedAt, expiresAt } as const
}
