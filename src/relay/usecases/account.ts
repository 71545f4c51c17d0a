/**
 * What a session may do to its own account, as plain functions the HTTP routes
 * adapt: list its wallets, unlink one, end every session of the account. Every
 * one first checks that the wallet that proved the session is still in the
 * account; changes hold the account's lock.
 */
import { RelayError } from '../../protocol/errors.js'
import type { UnlinkResponse, WalletsResponse } from '../../protocol/relay.js'
import type { Logger } from '../../upstream/logger.js'
import type { SnagClient } from '../../upstream/snag.js'
import { accountKey, sessionRef, type Accounts } from '../accounts.js'
import type { Session, Sessions } from '../sessions.js'
import { sideEffect } from './side-effects.js'

export type AccountDeps = { accounts: Accounts; sessions: Sessions; snag: SnagClient; logger: Logger }

export async function listWallets({ accounts }: AccountDeps, session: Session): Promise<WalletsResponse> {
  return { wallets: accounts.toLinkedWallets((await accounts.ofSession(session)).members) }
}

/**
 * Takes the wallet of Snag user `userId` out of the session's account. Never the
 * last one (the account would be left empty). The sessions that wallet created
 * end, this one too when it was the one; its host user id is cleared on Snag.
 */
export async function unlinkWallet(deps: AccountDeps, session: Session, userId: string): Promise<UnlinkResponse> {
  const { accounts, sessions, snag, logger } = deps
  // The account is read from Snag once, under its lock.
  const before = sessionRef(session)
  return accounts.locked({ refs: [before] }, async () => {
    const reloaded = await sessions.current(session)
    const { ref, members } = await accounts.ofSession(reloaded, { fresh: true })
    if (accountKey(ref) !== accountKey(before))
      throw new RelayError('upstream_unavailable', { message: 'The account changed meanwhile. Try again.', transient: true, retryAfter: 1 })
    const leaving = members.find((user) => user.id === userId)
    const unlinked = leaving && accounts.toLinkedWallet(leaving)
    if (!leaving || !unlinked) throw new RelayError('forbidden', { message: 'That wallet is not linked to this account.' })
    if (members.length < 2)
      throw new RelayError('forbidden', {
        message: 'This is the account’s last wallet: link another wallet before unlinking this one, or the account would be left empty.',
      })
    await snag.disconnect(userId)
    const remaining = members.filter((user) => user.id !== userId)
    await accounts.left(leaving, ref, remaining.length)
    await sideEffect('clearing the host user on Snag', logger, () => snag.writeMetadata({ userId, externalIdentifier: null }))
    return {
      unlinked,
      wallets: accounts.toLinkedWallets(remaining),
      ...(userId === reloaded.record.prover.userId ? { sessionEnded: true } : {}),
    }
  })
}

/** Ends every session of the session's account, this one included. */
export async function endAccountSessions({ accounts, sessions }: AccountDeps, session: Session): Promise<void> {
  const { members } = await accounts.ofSession(session, { fresh: true })
  await Promise.all(members.map((user) => sessions.endAllBy(user.id)))
  await sessions.end(session)
}
