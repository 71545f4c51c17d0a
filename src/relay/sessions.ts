/**
 * Sessions: an opaque random token proves that its holder linked a wallet of an
 * account (a Snag user group) a short while ago. The store keeps only a hash of
 * the token, so reading the store does not yield usable tokens. Revocable.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { RelayWalletType } from '../protocol/relay.js'
import type { Store } from './stores/types.js'

const KEY = 'lw:session:'

export type SessionRecord = {
  /** A user of the account through which new wallets join it. */
  anchor: { userId: string; walletType: RelayWalletType; walletAddress: string }
  /** The account's Snag user group, once it has one. */
  groupId: string | null
  /** The host site's user id, when a host token was presented at link time. */
  hostUserId?: string | undefined
}

export type Session = { token: string; record: SessionRecord }

export type Sessions = ReturnType<typeof createSessions>

// node:crypto's hash is synchronous and several times cheaper per call than Web Crypto's on Node.
const keyOf = (token: string) => KEY + createHash('sha256').update(token).digest('base64url')

const TOKEN = /^[A-Za-z0-9_-]{43}$/

export function createSessions({ store, ttlSeconds }: { store: Store; ttlSeconds: number }) {
  const ttlMs = ttlSeconds * 1000
  return {
    /** A new session for `record`; its token is shown once, to the caller. */
    async create(record: SessionRecord): Promise<Session> {
      const token = randomBytes(32).toString('base64url')
      await store.set(keyOf(token), JSON.stringify(record), ttlMs)
      return { token, record }
    },
    /** The live session for `token`, or undefined when unknown, expired or revoked. */
    async find(token: string): Promise<Session | undefined> {
      if (!TOKEN.test(token)) return undefined
      const stored = await store.get(keyOf(token))
      return stored === undefined ? undefined : { token, record: JSON.parse(stored) as SessionRecord }
    },
    /** Saves a changed record and starts the session's lifetime again. */
    async save({ token, record }: Session): Promise<void> {
      await store.set(keyOf(token), JSON.stringify(record), ttlMs)
    },
    async revoke(token: string): Promise<void> {
      await store.delete(keyOf(token))
    },
  }
}
