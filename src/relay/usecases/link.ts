/**
 * Linking a proved wallet, as plain functions the HTTP route adapts:
 *
 * 1. `acceptProof`: find the challenge the proof answers, check every field and the
 *    signature, and claim the challenge (single use), or take back the one parked
 *    for this very request after a passing upstream failure.
 * 2. `linkWallet`: find the account the wallet is to join (the session's, or the
 *    host user's; none for a first link or a sign-in) and where the wallet stands,
 *    then, holding both accounts' locks, connect it on Snag, keep sessions and the
 *    host user's account in step, and run the side effects.
 *
 * Who may link to whom: joining an account takes a proof of the wallet and a
 * session (or host token) proving the account. A wallet already in another
 * account, grouped or alone, moves only with `confirmDisconnect`.
 */
import { sha256Hex, type CryptoPort } from '../../crypto/port.js'
import { RelayError } from '../../protocol/errors.js'
import type { LinkRequest, LinkResponse, LinkedWallet } from '../../protocol/relay.js'
import type { SnagUser, VerificationData } from '../../protocol/snag.js'
import type { Logger } from '../../upstream/logger.js'
import { UPSTREAM_RETRY, withRetry } from '../../upstream/retry.js'
import type { SnagClient } from '../../upstream/snag.js'
import type { VeltClient } from '../../upstream/velt.js'
import type { ChallengeRecord } from '../../chains/server-face.js'
import { accountKey, refOf, sessionRef, type Account, type AccountRef, type Accounts } from '../accounts.js'
import type { EnabledChain } from '../chains.js'
import type { Challenges } from '../challenges.js'
import type { Session, Sessions } from '../sessions.js'
import { sideEffect } from './side-effects.js'

export type LinkDeps = {
  accounts: Accounts
  sessions: Sessions
  snag: SnagClient
  velt: VeltClient | undefined
  logger: Logger
  /** How long each side effect (host metadata, Velt) may take before the answer goes without it. */
  sideEffectTimeoutMs?: number
}

/** Who sends a link request: the session (with its token) and the host site's user, when present. */
export type Caller = { session?: { token: string; session: Session } | undefined; hostUserId?: string | undefined }

/** Names one request exactly: the proof, what it asks (`confirmDisconnect`), and who sent it. */
export function bindingOf(crypto: CryptoPort, request: LinkRequest, caller: Caller): Promise<string> {
  const parts = [
    request.walletType,
    request.walletAddress,
    request.verificationData,
    request.confirmDisconnect ?? false,
    caller.session?.session.id ?? null,
    caller.hostUserId ?? null,
  ]
  return sha256Hex(crypto, JSON.stringify(parts))
}

export type AcceptedProof = {
  challenge: ChallengeRecord
  walletAddress: string
  /** The verified proof, in the encoding Snag documents. */
  proof: unknown
  /** Only the relay could check it (see `VerifiedProof`). */
  verifiedLocally: boolean
  resubmitted: boolean
}

/**
 * Checks the proof against the challenge it answers and claims that challenge. A
 * proof parked after a passing failure is accepted again only for the same request.
 */
export async function acceptProof(
  {
    challenges,
    chain,
    limit,
  }: {
    challenges: Challenges
    chain: EnabledChain
    /** Counts a verified proof of the wallet (its canonical address) before its challenge is spent. */
    limit?: (walletAddress: string) => Promise<void>
  },
  request: LinkRequest,
  {
    origin,
    binding,
    signal,
  }: {
    origin: string
    /** The request's binding (`bindingOf`), asked for only when the challenge may have been parked for it. */
    binding: () => Promise<string>
    signal?: AbortSignal | undefined
  },
): Promise<AcceptedProof> {
  const { server, verifier } = chain
  const claimed = server.canonicalAddress(request.walletAddress)
  if (!claimed) throw new RelayError('invalid_request', { message: `walletAddress is not a valid ${request.walletType} address.` })
  const nonce = verifier.nonceOf(request.verificationData)
  const challenge = await challenges.open(nonce, { walletType: request.walletType, address: claimed }, origin)
  const verified = await verifier.verify(request.verificationData, { challenge, walletAddress: request.walletAddress, signal })
  const { walletAddress } = verified
  const accepted = {
    challenge,
    walletAddress,
    proof: verified.proof ?? request.verificationData,
    verifiedLocally: verified.verifiedLocally ?? false,
  }
  await limit?.(walletAddress)
  if (await challenges.claim(challenge)) return { ...accepted, resubmitted: false }
  if (await challenges.unpark(challenge, await binding())) return { ...accepted, resubmitted: true }
  throw new RelayError('challenge_unknown', { details: 'nonce already used' })
}

/** The Snag user a link ends with, as connect answers it. */
type Joined = Pick<SnagUser, 'id' | 'walletAddress' | 'createdAt' | 'updatedAt'>

export type LinkInput = {
  walletType: LinkRequest['walletType']
  /** The proved address, canonical. */
  walletAddress: string
  /** The proof, as Snag's `verificationData` documents it (the chain's `forSnag`). */
  verificationData: VerificationData
  confirmDisconnect: boolean
  caller: Caller
  /** The same request again after a passing failure: Snag may already have done its part. */
  resubmitted: boolean
}

const changedMeanwhile = () =>
  new RelayError('upstream_unavailable', {
    message: 'The account changed while the wallet was being linked. Try again.',
    transient: true,
    retryAfter: 1,
  })

export async function linkWallet(deps: LinkDeps, input: LinkInput): Promise<LinkResponse> {
  const { accounts, sessions, snag, velt, logger } = deps
  const { walletType, walletAddress, caller } = input
  const hostUserId = caller.hostUserId ?? caller.session?.session.record.hostUserId

  /** The account to join as the session (or the host user's record) names it: which lock to take. Snag is read under it. */
  async function targetRef(): Promise<AccountRef | undefined> {
    if (caller.session) return sessionRef(await sessions.current(caller.session.session))
    return hostUserId ? accounts.hostRecord(hostUserId) : undefined
  }

  /** The account to join as Snag lists it now (read under its lock). */
  async function targetAccount(): Promise<Account | undefined> {
    if (caller.session) {
      const account = await accounts.ofSession(await sessions.current(caller.session.session), { fresh: true })
      if (hostUserId && (await accounts.hostOwnership(hostUserId, account.ref)) === 'other')
        throw new RelayError('forbidden', { message: 'This session belongs to another account than your user’s.' })
      return account
    }
    return hostUserId ? accounts.ofHostUser(hostUserId) : undefined
  }

  const target = await targetRef()
  const current = await accounts.findWallet(walletType, walletAddress)
  const currentRef = current && refOf(current, walletType)

  // A first link of a wallet Snag has never seen has no account to lock; its host user, if any, is locked all the same.
  const held = !!(target || currentRef)
  const done = await accounts.locked({ refs: [target, currentRef], hostUserId }, async () => {
    // Read under the locks: another request may have changed either account, or given the host user one, meanwhile.
    // Without a lock, reading again would prove nothing (Snag's connect is what settles a race for a new wallet).
    const account = await targetAccount()
    const wallet = held ? await accounts.findWallet(walletType, walletAddress) : current
    // The account must be the one locked. None is fine: a host user's recorded account may have no wallets left.
    if (account && (!target || accountKey(account.ref) !== accountKey(target))) throw changedMeanwhile()
    if (wallet?.id !== current?.id || (wallet && currentRef && accountKey(refOf(wallet, walletType)) !== accountKey(currentRef)))
      throw changedMeanwhile()

    let user: Joined
    let joined: AccountRef
    let members: SnagUser[]
    let moved: SnagUser | undefined
    if (!account) {
      // A first link, or a sign-in to the account the wallet is in.
      user = wallet ?? (await connect(deps, input, undefined))
      joined = wallet ? refOf(wallet, walletType) : { groupId: null, userId: user.id, walletType, walletAddress: user.walletAddress }
      members = wallet ? await accounts.members(joined, { fresh: true }) : [{ ...user, walletType, userGroupId: null }]
    } else if (wallet && account.members.some((member) => member.id === wallet.id)) {
      // Already in the account: a sign-in with a host token, or our own earlier attempt that Snag did complete.
      if (caller.session && !input.resubmitted) throw new RelayError('already_linked')
      ;({ ref: joined, members } = account)
      user = wallet
    } else {
      if (wallet && !input.confirmDisconnect) throw new RelayError('wallet_linked_elsewhere')
      moved = wallet
      user = await connect(deps, input, account)
      ;({ joined, members } = await afterJoin(deps, account, user, input))
    }

    if (moved) {
      const from = refOf(moved, walletType)
      const remaining = from.groupId ? (await accounts.members(from, { fresh: true })).length : 0
      await accounts.left(moved, from, remaining)
    }
    // Only an account that was there before can have a list cached, or a read of it under way; a sign-in changes nothing.
    if (account) await accounts.invalidate(joined)
    if (hostUserId && (await accounts.hostOwnership(hostUserId, joined)) === 'none') await accounts.recordHostUser(hostUserId, joined)

    const session = caller.session
      ? { token: caller.session.token }
      : await sessions.create({
          prover: { userId: user.id, walletType, walletAddress: user.walletAddress },
          groupId: joined.groupId,
          hostUserId,
        })

    const linked: LinkedWallet = { userId: user.id, walletType, walletAddress: user.walletAddress, linkedAt: user.updatedAt }
    const wallets = accounts.toLinkedWallets(members)
    return {
      response: {
        wallet: linked,
        wallets: wallets.some((w) => w.userId === linked.userId) ? wallets : [...wallets, linked],
        session: session.token,
      },
      userId: user.id,
      moved: !!moved,
    }
  })

  // The side effects run outside the accounts' locks, concurrently, each with its own deadline.
  const deadline = deps.sideEffectTimeoutMs
  const [hostAccount, veltOutcome] = await Promise.all([
    // The wallet carries its owner's host user id on Snag; a wallet that moved carries none of the last owner's.
    hostUserId || done.moved
      ? sideEffect(
          'recording the host user on Snag',
          logger,
          () => snag.writeMetadata({ userId: done.userId, externalIdentifier: hostUserId ?? null }),
          deadline,
        )
      : undefined,
    velt
      ? sideEffect('adding the user to the Velt group', logger, () => velt.addToGroup([hostUserId ?? done.userId]), deadline)
      : undefined,
  ])
  return {
    ...done.response,
    ...(hostUserId && hostAccount ? { hostAccount } : {}),
    ...(veltOutcome ? { velt: veltOutcome } : {}),
  }
}

/**
 * The account after `user` joined it on Snag. A one-wallet account has become a
 * user group: its sessions and host user follow it. Snag's answer is checked, not
 * assumed: both the account's wallet and the new one must be in the group.
 */
async function afterJoin(
  { accounts }: LinkDeps,
  account: Account,
  user: { id: string },
  input: LinkInput,
): Promise<{ joined: AccountRef; members: SnagUser[] }> {
  if (account.ref.groupId) {
    const joinedUser = await accounts.findWallet(input.walletType, input.walletAddress)
    if (joinedUser?.userGroupId !== account.ref.groupId)
      throw new RelayError('upstream_rejected', { details: 'snag connect: the wallet is not in the account’s group' })
    return { joined: account.ref, members: [...account.members.filter((member) => member.id !== user.id), joinedUser] }
  }
  const joinedUser = await accounts.findWallet(input.walletType, input.walletAddress)
  const groupId = joinedUser?.userGroupId
  if (!groupId) throw new RelayError('upstream_rejected', { details: 'snag connect: no group after joining a one-wallet account' })
  const grown = await accounts.grew(account.ref, groupId)
  const members = await accounts.members(grown, { fresh: true })
  if (!members.some((member) => member.id === account.ref.userId) || !members.some((member) => member.id === user.id))
    throw new RelayError('upstream_rejected', { details: 'snag connect: the group holds other wallets than the two joined' })
  return { joined: grown, members }
}

/**
 * Snag connect, retried on passing failures. A retry can meet the first attempt's
 * success ("You cannot connect same wallet address"): then the wallet is where we
 * put it, and that is the answer.
 */
async function connect({ snag, accounts }: LinkDeps, input: LinkInput, account: Account | undefined): Promise<Joined> {
  const anchor = account && (account.members.find((member) => member.id === account.ref.userId) ?? account.members[0])
  let attempts = 0
  try {
    return await withRetry((attempt) => {
      attempts = attempt
      return snag.connect({
        walletType: accounts.snagWalletType(input.walletType),
        walletAddress: input.walletAddress,
        verificationData: input.verificationData,
        ...(anchor ? { userId: anchor.id, ...(input.confirmDisconnect ? { confirmDisconnect: true } : {}) } : {}),
      })
    }, UPSTREAM_RETRY)
  } catch (error) {
    if (attempts > 1 && anchor && error instanceof RelayError && error.code === 'already_linked') {
      const linked = await accounts.findWallet(input.walletType, input.walletAddress)
      const anchorType = accounts.walletTypeOf(anchor)
      const anchorNow = anchorType && (await accounts.findWallet(anchorType, anchor.walletAddress))
      if (linked?.userGroupId && anchorNow?.userGroupId === linked.userGroupId) return linked
    }
    throw error
  }
}
