/**
 * Sessions: an opaque random token proves that its holder linked a wallet of an
 * account (a Snag user group) a short while ago. The store keeps only a hash of
 * the token, so reading the store does not yield usable tokens. Revocable.
 */
import { createHash } from 'node:crypto'
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

const toBase64Url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url')

// node:crypto's hash is synchronous and several times cheaper per call than Web Crypto's on Node.
async function keyOf(token: string): Promise<string> {
  return KEY + createHash('sha256').update(token).digest('base64url')
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/

export function createSessions({ store, ttlSeconds }: { store: Store; ttlSeconds: number }) {
  const ttlMs = ttlSeconds * 1000
  return {
    /** A new session for `record`; its token is shown once, to the caller. */
    async create(record: SessionRecord): Promise<Session> {
      const token = toBase64Url(crypto.getRandomValues(new Uint8Array(32)))
      await store.set(await keyOf(token), JSON.stringify(record), ttlMs)
      return { token, record }
    },
    /** The live session for `token`, or undefined when unknown, expired or revoked. */
    async find(token: string): Promise<Session | undefined> {
      if (!TOKEN.test(token)) return undefined
      const stored = await store.get(await keyOf(token))
      return stored === undefined ? undefined : { token, record: JSON.parse(stored) as SessionRecord }
    },
    /** Saves a changed record and starts the session's lifetime again. */
    async save({ token, record }: Session): Promise<void> {
      await store.set(await keyOf(token), JSON.stringify(record), ttlMs)
    },
    async revoke(token: string): Promise<void> {
      await store.delete(await keyOf(token))
    },
  }
}
