import { Hono, type Context, type Next } from 'hono'
import { RelayError } from '../../protocol/errors.js'
import { LinkRequest, type LinkResponse, type LinkVerificationData, type LinkedWallet, type SyncOutcome } from '../../protocol/relay.js'
import type { SnagUser, VerificationData } from '../../protocol/snag.js'
import type { Logger } from '../../upstream/logger.js'
import { UPSTREAM_RETRY, isTransient, withRetry } from '../../upstream/retry.js'
import type { SnagClient } from '../../upstream/snag.js'
import type { VeltClient } from '../../upstream/velt.js'
import { accountMembers, reanchor, toLinkedWallets, walletTypeOf } from '../account.js'
import { proofDigest, type Challenges } from '../challenges.js'
import type { ClientIp, RateLimiter } from '../rate-limit.js'
import type { RelayEnv, RelaySettings } from '../env.js'
import type { Session, SessionRecord, Sessions } from '../sessions.js'
import { json } from '../middleware/validate.js'
import { enabledVerifier } from './challenge.js'

export type LinkRouteDeps = {
  settings: RelaySettings
  challenges: Challenges
  sessions: Sessions
  snag: SnagClient
  velt: VeltClient | undefined
  now: () => number
  logger: Logger
  limiter: RateLimiter
  clientIp: ClientIp
}

/** Exactly the proof Snag's `verificationData` documents, nothing the browser added. */
function forSnag(data: LinkVerificationData): VerificationData {
  return data.tonVerification ? { tonVerification: data.tonVerification } : { message: data.message, signature: data.signature }
}

/**
 * The account a new wallet joins: a user of it to connect through, its group, and
 * (for a session) its members as listed before the link.
 */
type Target = { userId: string; walletAddress: string; groupId: string | null; members?: SnagUser[] }

/** Runs an optional side effect of a link with retries; its failure is reported, never thrown. */
async function sideEffect(name: string, logger: Logger, run: () => Promise<unknown>): Promise<SyncOutcome> {
  let attempts = 0
  try {
    await withRetry(() => (attempts++, run()), UPSTREAM_RETRY)
    return { status: 'done', attempts }
  } catch (error) {
    const { code, details } = error as RelayError
    logger.warn({ sideEffect: name, attempts, code, details }, `${name} failed; the link stands`)
    return { status: 'failed', attempts }
  }
}

/**
 * `POST /v1/link`: find the challenge the proof answers, check every field and
 * the signature, consume the nonce atomically, and only then call Snag. With a
 * session (or a host token naming a user who has wallets), the wallet joins that
 * account; otherwise it starts one, or signs in to the one it already belongs to.
 */
export function linkRoute({ settings, challenges, sessions, snag, velt, now, logger, limiter, clientIp }: LinkRouteDeps) {
  async function targetOf(session: SessionRecord | undefined, hostUserId: string | undefined): Promise<Target | undefined> {
    if (session) {
      const members = await accountMembers(snag, session)
      if (!members.length) throw new RelayError('unauthorized', { message: 'The session’s account no longer exists. Link a wallet again.' })
      reanchor(session, members)
      return { userId: session.anchor.userId, walletAddress: session.anchor.walletAddress, groupId: session.groupId, members }
    }
    if (hostUserId) {
      const [user] = (await snag.listUsers({ externalIdentifier: hostUserId, limit: 1 })).data
      return user && { userId: user.id, walletAddress: user.walletAddress, groupId: user.userGroupId }
    }
    return undefined
  }

  const inAccount = (user: SnagUser, target: Target) => user.id === target.userId || (user.userGroupId !== null && user.userGroupId === target.groupId)

  /** Finds the challenge a proof answers: open, or parked for this very proof after a passing upstream failure. */
  async function challengeFor(nonce: string, digest: string) {
    const open = await challenges.find(nonce)
    if (open) return { record: open, parked: false }
    const parked = await challenges.findParked(nonce)
    if (parked && parked.proofDigest === digest) return { record: parked.record, parked: true }
    throw new RelayError('challenge_unknown')
  }

  /** Naming the account is the session's (or host token's) job: a userId in the body is an attempt to join someone else's. */
  const refuseNamedUser = async (c: Context, next: Next) => {
    const body: unknown = await c.req.json().catch(() => undefined)
    if (body && typeof body === 'object' && 'userId' in body)
      throw new RelayError('forbidden', { message: 'The account a wallet joins comes from your session, never from the request.' })
    await next()
  }

  return new Hono<RelayEnv>().post('/', async (c, next) => (await limiter.ip('link', clientIp(c)), next()), refuseNamedUser, json(LinkRequest), async (c) => {
    const request = c.req.valid('json')
    await limiter.wallet('link', request.walletType, request.walletAddress)
    const session = c.get('session')
    const hostUserId = c.get('hostUserId') ?? session?.record.hostUserId
    if (request.confirmDisconnect && !session && !hostUserId)
      throw new RelayError('forbidden', { message: 'Moving a wallet needs a session that proves the account it moves to.' })
    const verifier = enabledVerifier(settings, request.walletType)

    const nonce = verifier.nonceOf(request.verificationData)
    const digest = proofDigest(request)
    const { record: challenge, parked } = await challengeFor(nonce, digest)
    if (challenge.walletType !== request.walletType) throw new RelayError('challenge_unknown')
    if (challenge.origin !== c.get('origin'))
      throw new RelayError('domain_mismatch', { details: `challenge for ${challenge.origin}, link from ${c.get('origin')}` })
    const { walletAddress } = await verifier.verify(request.verificationData, {
      challenge,
      walletAddress: request.walletAddress,
      now: now(),
      chains: settings,
    })
    const claimed = parked ? await challenges.unpark(nonce) : await challenges.consume(nonce)
    if (!claimed) throw new RelayError('challenge_unknown', { details: 'nonce consumed concurrently' })

    try {
      return c.json(await link(request, walletAddress, session, hostUserId, parked))
    } catch (error) {
      // A verified proof that met a passing upstream failure may be sent again, unchanged, until its challenge expires.
      if (isTransient(error)) await challenges.park(challenge, digest).catch(() => {})
      throw error
    }
  })

  async function link(
    request: LinkRequest,
    walletAddress: string,
    session: Session | undefined,
    hostUserId: string | undefined,
    resubmitted: boolean,
  ): Promise<LinkResponse> {
    const record: SessionRecord | undefined = session && structuredClone(session.record)
    const target = await targetOf(record, hostUserId)
    // Where the wallet stands matters only when it is to join an account; a first link needs no lookup.
    const current = target ? (await snag.listUsers({ walletAddress })).data.find((user) => walletTypeOf(user) === request.walletType) : undefined

    let user: SnagUser | { id: string; walletAddress: string; updatedAt: string }
    if (target && current && inAccount(current, target)) {
      // Already in the account: a sign-in (no session), or our own earlier attempt that Snag did complete.
      if (session && !resubmitted) throw new RelayError('already_linked')
      user = current
    } else {
      if (target && current?.userGroupId && !request.confirmDisconnect) throw new RelayError('wallet_linked_elsewhere')
      user = await connect(request, walletAddress, target)
    }

    // A new session anchors on the wallet just proved: its address finds the account it is in.
    const next: SessionRecord = record ?? {
      anchor: { userId: user.id, walletType: request.walletType, walletAddress: user.walletAddress },
      groupId: null,
      hostUserId,
    }
    next.hostUserId ??= hostUserId
    const wallet: LinkedWallet = { userId: user.id, walletType: request.walletType, walletAddress: user.walletAddress, linkedAt: user.updatedAt }
    // A session's account was listed before the link: now it holds the same wallets and this one.
    // Otherwise the proved wallet's own account is looked up (it may be an account it signs in to).
    const wallets = target?.members
      ? [...toLinkedWallets(target.members).filter((w) => w.userId !== wallet.userId), wallet]
      : toLinkedWallets(await accountMembers(snag, next))
    const saved = session ? { ...session, record: next } : await sessions.create(next)
    if (session) await sessions.save(saved)

    const hostAccount = hostUserId
      ? await sideEffect('recording the host user on Snag', logger, () => snag.writeMetadata({ userId: user.id, externalIdentifier: hostUserId }))
      : undefined
    const veltOutcome = velt ? await sideEffect('adding the user to the Velt group', logger, () => velt.addToGroup([hostUserId ?? user.id])) : undefined

    return {
      wallet,
      wallets: wallets.length ? wallets : [wallet],
      session: saved.token,
      ...(hostAccount ? { hostAccount } : {}),
      ...(veltOutcome ? { velt: veltOutcome } : {}),
    }
  }

  /**
   * Snag connect, retried on passing failures. A retry can meet the first attempt's
   * success ("You cannot connect same wallet address"): then the wallet is where we
   * put it, and that is the answer.
   */
  async function connect(request: LinkRequest, walletAddress: string, target: Target | undefined): Promise<SnagUser | { id: string; walletAddress: string; updatedAt: string }> {
    let attempts = 0
    try {
      return await withRetry(
        () => (
          attempts++,
          snag.connect({
            walletType: request.walletType,
            walletAddress,
            verificationData: forSnag(request.verificationData),
            ...(target ? { userId: target.userId, ...(request.confirmDisconnect ? { confirmDisconnect: true } : {}) } : {}),
          })
        ),
        UPSTREAM_RETRY,
      )
    } catch (error) {
      if (attempts > 1 && target && error instanceof RelayError && error.code === 'already_linked') {
        const find = async (address: string, match: (user: SnagUser) => boolean) => (await snag.listUsers({ walletAddress: address })).data.find(match)
        const linked = await find(walletAddress, (user) => walletTypeOf(user) === request.walletType)
        const anchor = await find(target.walletAddress, (user) => user.id === target.userId)
        if (linked?.userGroupId && linked.userGroupId === anchor?.userGroupId) return linked
      }
      throw error
    }
  }
}
