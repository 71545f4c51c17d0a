/**
 * Single-use challenges. A challenge is stored under its nonce until a little
 * after it expires (so a late answer is told "expired", not "unknown"), read
 * while a proof is checked, and consumed atomically once the proof verified.
 */
import { createHash } from 'node:crypto'
import type { ChallengeRequest, ChallengeResponse } from '../protocol/relay.js'
import type { ChallengeRecord } from '../verify/types.js'
import type { Store } from './stores/types.js'

const KEY = 'lw:challenge:'
const PARKED = 'lw:parked:'
/** How long an expired challenge is still remembered, to name the refusal precisely. */
const EXPIRED_GRACE_MS = 5 * 60_000

export type ChallengesOptions = {
  store: Store
  now: () => number
  ttlSeconds: number
  statement: string
}

export type Challenges = ReturnType<typeof createChallenges>

/** 128 random bits as 32 hex digits: alphanumeric, as EIP-4361 wants of a nonce. */
export function randomNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

export function createChallenges({ store, now, ttlSeconds, statement }: ChallengesOptions) {
  return {
    async issue(request: ChallengeRequest, origin: string): Promise<ChallengeRecord> {
      const issued = now()
      const record: ChallengeRecord = {
        nonce: randomNonce(),
        walletType: request.walletType,
        origin,
        domain: new URL(origin).host,
        uri: origin,
        statement,
        version: '1',
        chainId: request.chainId,
        address: request.address,
        issuedAt: new Date(issued).toISOString(),
        expiresAt: new Date(issued + ttlSeconds * 1000).toISOString(),
      }
      const ttlMs = ttlSeconds * 1000 + EXPIRED_GRACE_MS
      if (!(await store.setIfAbsent(KEY + record.nonce, JSON.stringify(record), ttlMs)))
        throw new Error('nonce collision') // 2^-128: a broken random source, not bad luck
      return record
    },

    async find(nonce: string): Promise<ChallengeRecord | undefined> {
      const stored = await store.get(KEY + nonce)
      return stored === undefined ? undefined : (JSON.parse(stored) as ChallengeRecord)
    },

    /** True for exactly one caller per challenge, however many race. */
    async consume(nonce: string): Promise<boolean> {
      return (await store.take(KEY + nonce)) !== undefined
    },

    /**
     * A consumed challenge whose proof verified but whose upstream call failed for a
     * passing reason: kept until the challenge expires, for that same proof only.
     */
    async park(record: ChallengeRecord, proofDigest: string): Promise<void> {
      const ttlMs = Date.parse(record.expiresAt) - now()
      if (ttlMs > 0) await store.set(PARKED + record.nonce, JSON.stringify({ record, proofDigest }), ttlMs)
    },

    async findParked(nonce: string): Promise<{ record: ChallengeRecord; proofDigest: string } | undefined> {
      const stored = await store.get(PARKED + nonce)
      return stored === undefined ? undefined : (JSON.parse(stored) as { record: ChallengeRecord; proofDigest: string })
    },

    /** True for exactly one caller per parked proof. */
    async unpark(nonce: string): Promise<boolean> {
      return (await store.take(PARKED + nonce)) !== undefined
    },
  }
}

/** A digest naming one exact proof (chain, address and verification data). */
export function proofDigest(proof: { walletType: string; walletAddress: string; verificationData: unknown }): string {
  return createHash('sha256').update(JSON.stringify([proof.walletType, proof.walletAddress, proof.verificationData])).digest('hex')
}

export function toChallengeResponse(record: ChallengeRecord): ChallengeResponse {
  const { nonce, domain, uri, statement, version, chainId, issuedAt, expiresAt } = record
  return { nonce, domain, uri, statement, version, ...(chainId === undefined ? {} : { chainId }), issuedAt, expiresAt }
}
