/**
 * Single-use challenges. A challenge is stored under its nonce until a little
 * after it expires (so a late answer is told "expired", not "unknown"), read
 * while a proof is checked, and consumed atomically once the proof verified.
 */
import type { ChallengeRequest, ChallengeResponse } from '../protocol/relay.js'
import type { ChallengeRecord } from '../verify/types.js'
import type { Store } from './stores/types.js'

const KEY = 'lw:challenge:'
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
  }
}

export function toChallengeResponse(record: ChallengeRecord): ChallengeResponse {
  const { nonce, domain, uri, statement, version, chainId, issuedAt, expiresAt } = record
  return { nonce, domain, uri, statement, version, ...(chainId === undefined ? {} : { chainId }), issuedAt, expiresAt }
}
