/**
 * The account model. An account is a Snag user group: the wallets one person has
 * linked. Until it gains a second wallet, an account is one Snag user standing
 * alone (no group yet). The relay reads accounts from Snag, with a short cache
 * of each account's members that every change through the relay clears (and that
 * a list read before the change cannot refill), and keeps in its store only what
 * Snag cannot tell it: sessions, which host user owns which account, and the
 * locks that serialise changes.
 */
import { RelayError } from '../protocol/errors.js'
import { chainOfSnagWallet, type AnyServerChain } from '../chains/server-face.js'
import type { LinkedWallet, RelayWalletType } from '../protocol/relay.js'
import type { SnagUser } from '../protocol/snag.js'
import type { SnagClient } from '../upstream/snag.js'
import type { Locks } from './lock.js'
import type { Session, Sessions } from './sessions.js'
import type { Store } from './stores/types.js'

/** How an account is named: its group, or (while it has none) its one user. */
export type AccountRef = { groupId: string | null; userId: string; walletType: RelayWalletType; walletAddress: string }

/** An account as Snag lists it now. */
export type Account = { ref: AccountRef; members: SnagUser[] }

const MEMBERS = 'lw:members:'
/** What an account's cache entry holds for a while after a change: "do not fill me". Never a JSON list. */
const CHANGED = 'changed'
const HOST = 'lw:host:'
const HOST_OF = 'lw:host-of:'

export const accountKey = (ref: Pick<AccountRef, 'groupId' | 'userId'>) => (ref.groupId ? `g:${ref.groupId}` : `u:${ref.userId}`)

/** How the relay reads Snag's users: as wallets of the chains it knows. */
export function walletsOf(chains: readonly AnyServerChain[]) {
  const byId = new Map(chains.map((chain) => [chain.spec.id, chain]))
  /** The relay's chain for a Snag user: by Snag's walletType when it names one, and by the address where that is not enough. */
  const walletTypeOf = (user: SnagUser): RelayWalletType | undefined =>
    chainOfSnagWallet(chains, user.walletType, user.walletAddress)?.spec.id as RelayWalletType | undefined
  const toLinkedWallet = (user: SnagUser): LinkedWallet | undefined => {
    const walletType = walletTypeOf(user)
    return walletType && { userId: user.id, walletType, walletAddress: user.walletAddress, linkedAt: user.updatedAt }
  }
  return {
    walletTypeOf,
    toLinkedWallet,
    toLinkedWallets: (users: readonly SnagUser[]) => users.flatMap((user) => toLinkedWallet(user) ?? []),
    /** The canonical form of an address of chain `walletType` (the chain must be one of these). */
    canonical: (walletType: string) => byId.get(walletType)!.canonicalAddress,
    /** Snag's walletType for the relay's chain `walletType`. */
    snagWalletType: (walletType: string) => byId.get(walletType)!.spec.walletType,
  }
}

/** The account a session proves, as the session names it (its group, or its prover while it stands alone). */
export const sessionRef = (session: Session): AccountRef => ({ groupId: session.record.groupId, ...session.record.prover })

export function refOf(user: SnagUser, walletType: RelayWalletType): AccountRef {
  return { groupId: user.userGroupId, userId: user.id, walletType, walletAddress: user.walletAddress }
}

export type AccountsOptions = {
  /** The chains whose wallets the relay reads. */
  chains: readonly AnyServerChain[]
  store: Store
  snag: SnagClient
  sessions: Sessions
  locks: Locks
  /** How long a member list read from Snag serves other requests. */
  cacheMs?: number
  now?: () => number
}

export type Accounts = ReturnType<typeof createAccounts>

export function createAccounts({ chains, store, snag, sessions, locks, cacheMs = 10_000, now = Date.now }: AccountsOptions) {
  const wallets = walletsOf(chains)
  const { walletTypeOf } = wallets

  /** The users with this wallet address that are this chain's, as Snag lists them (checked against the filter). */
  async function usersWithAddress(walletType: RelayWalletType, walletAddress: string): Promise<SnagUser[]> {
    const canonical = wallets.canonical(walletType)
    const wanted = canonical(walletAddress)
    const users = await snag.listAllUsers({ walletAddress }, (user) => canonical(user.walletAddress) === wanted)
    return users.filter((user) => walletTypeOf(user) === walletType)
  }

  /**
   * The account's members now, from Snag (the cache only when `fresh` is false).
   *
   * A list read from Snag fills the cache only where nothing is (`setIfAbsent`): a change
   * through the relay leaves `CHANGED` there for `cacheMs` (`invalidate`), so a list read
   * before that change, and answered after it, cannot fill the cache with what it was. A
   * read that took half that time or more does not fill it at all: the mark it would meet may
   * have expired meanwhile.
   */
  async function members(ref: AccountRef, { fresh = false } = {}): Promise<SnagUser[]> {
    const key = MEMBERS + accountKey(ref)
    const started = now()
    if (!fresh) {
      const cached = await store.get(key)
      if (cached !== undefined && cached !== CHANGED) return JSON.parse(cached) as SnagUser[]
    }
    const list = ref.groupId
      ? await snag.listAllUsers({ userGroupId: ref.groupId }, () => true)
      : // An account of one wallet exists while that wallet's user stands alone.
        (await usersWithAddress(ref.walletType, ref.walletAddress)).filter((user) => user.id === ref.userId && user.userGroupId === null)
    if (now() - started < cacheMs / 2) await store.setIfAbsent(key, JSON.stringify(list), cacheMs)
    return list
  }

  /** The accounts changed: their cached lists go, and lists read before now cannot refill them for a while. */
  async function invalidate(...refs: (AccountRef | undefined)[]): Promise<void> {
    await Promise.all(refs.map((ref) => ref && store.set(MEMBERS + accountKey(ref), CHANGED, cacheMs)))
  }

  async function hostAccountRef(hostUserId: string): Promise<AccountRef | undefined> {
    const stored = await store.get(HOST + hostUserId)
    return stored === undefined ? undefined : (JSON.parse(stored) as AccountRef)
  }

  return {
    ...wallets,
    members,
    invalidate,

    /**
     * The session's account as it stands, or `unauthorized` (and the session
     * ended) once the wallet that proved it has left the account.
     */
    async ofSession(session: Session, { fresh = false } = {}): Promise<Account> {
      const ref = sessionRef(session)
      const list = await members(ref, { fresh })
      if (!list.some((user) => user.id === ref.userId)) {
        await sessions.end(session)
        throw new RelayError('unauthorized', { message: 'The wallet this session was signed in with has left the account. Sign in again.' })
      }
      return { ref, members: list }
    },

    /** Where a wallet of this chain stands in Snag now: its user, or undefined when Snag has never seen it. */
    async findWallet(walletType: RelayWalletType, walletAddress: string): Promise<SnagUser | undefined> {
      const users = await usersWithAddress(walletType, walletAddress)
      if (users.length > 1)
        throw new RelayError('upstream_rejected', { details: `snag users: ${users.length} users for one ${walletType} wallet` })
      return users[0]
    },

    /**
     * What the host user's record says of the account `ref`: `this` when it names it (nothing asked of
     * Snag), `other` when it names another account that still has wallets, `none` otherwise.
     */
    async hostOwnership(hostUserId: string, ref: AccountRef): Promise<'this' | 'other' | 'none'> {
      const owned = await hostAccountRef(hostUserId)
      if (!owned) return 'none'
      if (accountKey(owned) === accountKey(ref)) return 'this'
      return (await members(owned, { fresh: true })).length ? 'other' : 'none'
    },

    /** The account the relay recorded for a host user, as recorded (Snag not asked: it may have no wallets left). */
    hostRecord: hostAccountRef,

    /** The account a host user owns, when the relay recorded one and it still has wallets. */
    async ofHostUser(hostUserId: string): Promise<Account | undefined> {
      const ref = await hostAccountRef(hostUserId)
      if (!ref) return undefined
      const list = await members(ref, { fresh: true })
      return list.length ? { ref, members: list } : undefined
    },

    /** Records that `hostUserId` owns the account `ref`: the one account its links join from now on. */
    async recordHostUser(hostUserId: string, ref: AccountRef): Promise<void> {
      const previous = await hostAccountRef(hostUserId)
      if (previous && accountKey(previous) !== accountKey(ref)) await store.delete(HOST_OF + accountKey(previous))
      await store.set(HOST + hostUserId, JSON.stringify(ref), undefined)
      await store.set(HOST_OF + accountKey(ref), hostUserId, undefined)
    },

    /** The host user who owns `ref`, if any. */
    hostUserOf: (ref: AccountRef) => store.get(HOST_OF + accountKey(ref)),

    /**
     * A one-wallet account gained a wallet and is now Snag user group `groupId`:
     * its sessions and its host user follow it there.
     */
    async grew(ref: AccountRef, groupId: string): Promise<AccountRef> {
      const grown: AccountRef = { ...ref, groupId }
      await sessions.joinGroup(ref.userId, groupId)
      const hostUserId = await store.get(HOST_OF + accountKey(ref))
      if (hostUserId !== undefined) {
        await store.set(HOST + hostUserId, JSON.stringify(grown), undefined)
        await store.set(HOST_OF + accountKey(grown), hostUserId, undefined)
        await store.delete(HOST_OF + accountKey(ref))
      }
      await invalidate(ref, grown)
      return grown
    },

    /**
     * A wallet left the account `from` (unlinked, or moved into another): the
     * sessions it created end, and an account it leaves empty has no host user.
     */
    async left(user: SnagUser, from: AccountRef, remaining: number): Promise<void> {
      await sessions.endAllBy(user.id)
      if (remaining === 0) {
        const hostUserId = await store.get(HOST_OF + accountKey(from))
        if (hostUserId !== undefined) {
          const current = await hostAccountRef(hostUserId)
          if (current && accountKey(current) === accountKey(from)) await store.delete(HOST + hostUserId)
          await store.delete(HOST_OF + accountKey(from))
        }
      }
      await invalidate(from)
    },

    /**
     * Runs `fn` while no other request changes any of these accounts nor, with a
     * host user, which account that host user owns (two first links of one host
     * user would otherwise each make an account).
     */
    locked: <T>(scope: { refs: readonly (AccountRef | undefined)[]; hostUserId?: string | undefined }, fn: () => Promise<T>) =>
      locks.hold(
        [...scope.refs.flatMap((ref) => (ref ? [accountKey(ref)] : [])), ...(scope.hostUserId ? [`host:${scope.hostUserId}`] : [])],
        fn,
      ),
  }
}
