/**
 * Sessions. An opaque random token proves that its holder proved a wallet of an
 * account a short while ago. A session belongs to that account and to that
 * wallet (its prover): it stands only while the prover is in the account, ends
 * when the prover leaves, and never follows it into another account. Its
 * lifetime is absolute: it counts from creation, and no use extends it.
 *
 * The store keeps a hash of the token, never the token, and an index of the
 * sessions each wallet created, so ending them needs no scan.
 */
import { base64url, type CryptoPort } from '../crypto/port.js'
import { RelayError } from '../protocol/errors.js'
import type { RelayWalletType } from '../protocol/relay.js'
import type { Store } from './stores/types.js'

/** What a request made with a session that ended meanwhile is answered. */
const sessionEnded = () => new RelayError('unauthorized', { message: 'The session has ended. Sign in again.' })

const KEY = 'lw:session:'
const BY_PROVER = 'lw:sessions-by:'

export type SessionRecord = {
  /** The wallet (its Snag user) whose proof created the session. */
  prover: { userId: string; walletType: RelayWalletType; walletAddress: string }
  /** The account: its Snag user group, or null while the account is the prover's wallet alone. */
  groupId: string | null
  /** The host site's user id, when a host token came with the link that created it. */
  hostUserId?: string | undefined
  /** Milliseconds since the epoch. */
  createdAt: number
  expiresAt: number
}

/** A live session: `id` names it in the store (the token's hash); the token itself is never kept. */
export type Session = { id: string; record: SessionRecord }

export type Sessions = ReturnType<typeof createSessions>

const TOKEN = /^[A-Za-z0-9_-]{43}$/

export function createSessions({
  store,
  ttlSeconds,
  now,
  crypto,
}: {
  store: Store
  ttlSeconds: number
  now: () => number
  crypto: CryptoPort
}) {
  const ttlMs = ttlSeconds * 1000
  const idOf = async (token: string) => base64url(await crypto.sha256(new TextEncoder().encode(token)))
  const remaining = (record: SessionRecord) => record.expiresAt - now()

  async function read(id: string): Promise<SessionRecord | undefined> {
    const stored = await store.get(KEY + id)
    const record = stored === undefined ? undefined : (JSON.parse(stored) as SessionRecord)
    return record && remaining(record) > 0 ? record : undefined
  }

  async function end(ids: readonly string[]): Promise<void> {
    await Promise.all(ids.map((id) => store.delete(KEY + id)))
  }

  return {
    /** A new session; its token is shown once, to the caller. */
    async create(fields: Omit<SessionRecord, 'createdAt' | 'expiresAt'>): Promise<{ token: string; session: Session }> {
      const token = base64url(crypto.randomBytes(32))
      const createdAt = now()
      const record: SessionRecord = { ...fields, createdAt, expiresAt: createdAt + ttlMs }
      const id = await idOf(token)
      await store.addToSet(BY_PROVER + record.prover.userId, id, ttlMs)
      await store.set(KEY + id, JSON.stringify(record), ttlMs)
      return { token, session: { id, record } }
    },

    /** The live session for `token`, or undefined when unknown, expired or ended. */
    async find(token: string): Promise<Session | undefined> {
      if (!TOKEN.test(token)) return undefined
      const id = await idOf(token)
      const record = await read(id)
      return record && { id, record }
    },

    /** The session as it stands now (another request may have changed it), or `unauthorized` once it has ended. */
    async current(session: Session): Promise<Session> {
      const record = await read(session.id)
      if (!record) throw sessionEnded()
      return { id: session.id, record }
    },

    async end(session: Session): Promise<void> {
      await end([session.id])
      await store.removeFromSet(BY_PROVER + session.record.prover.userId, session.id)
    },

    /** Ends every session the wallet of Snag user `userId` created. */
    async endAllBy(userId: string): Promise<void> {
      const ids = await store.setMembers(BY_PROVER + userId)
      await end(ids)
      await store.delete(BY_PROVER + userId)
    },

    /**
     * The one-wallet account of `userId` gained a wallet and so became Snag user group
     * `groupId`: its sessions (all created by that wallet) now name the group.
     * Their lifetimes do not change.
     */
    async joinGroup(userId: string, groupId: string): Promise<void> {
      const ids = await store.setMembers(BY_PROVER + userId)
      await Promise.all(
        ids.map(async (id) => {
          const record = await read(id)
          if (!record || record.groupId !== null) return
          const ttl = remaining(record)
          if (ttl > 0) await store.set(KEY + id, JSON.stringify({ ...record, groupId }), ttl)
        }),
      )
    },
  }
}
