import { Hono } from 'hono'
import { RelayError } from '../../protocol/errors.js'
import { LinkRequest, type LinkResponse, type LinkVerificationData, type SyncOutcome } from '../../protocol/relay.js'
import type { SnagUser, VerificationData } from '../../protocol/snag.js'
import type { Logger } from '../../upstream/logger.js'
import { RetriesExhausted, withRetry } from '../../upstream/retry.js'
import type { SnagClient } from '../../upstream/snag.js'
import type { VeltClient } from '../../upstream/velt.js'
import { accountMembers, reanchor, toLinkedWallet, toLinkedWallets, walletTypeOf } from '../account.js'
import type { Challenges } from '../challenges.js'
import type { RelayEnv, RelaySettings } from '../env.js'
import type { SessionRecord, Sessions } from '../sessions.js'
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
}

/** Exactly the proof Snag's `verificationData` documents, nothing the browser added. */
function forSnag(data: LinkVerificationData): VerificationData {
  return data.tonVerification ? { tonVerification: data.tonVerification } : { message: data.message, signature: data.signature }
}

/** The account a new wallet joins: a user of it to connect through, and its group. */
type Target = { userId: string; groupId: string | null }

const SIDE_EFFECT_RETRY = { attempts: 3, baseDelayMs: 200, maxDelayMs: 2000 }

/** Runs an optional side effect of a link with retries; its failure is reported, never thrown. */
async function sideEffect(name: string, logger: Logger, run: () => Promise<unknown>): Promise<SyncOutcome> {
  try {
    const { attempts } = await withRetry(run, SIDE_EFFECT_RETRY)
    return { status: 'done', attempts }
  } catch (error) {
    const attempts = error instanceof RetriesExhausted ? error.attempts : 1
    const cause = error instanceof RetriesExhausted ? error.last : error
    logger.warn({ sideEffect: name, attempts, code: (cause as RelayError).code, details: (cause as RelayError).details }, `${name} failed; the link stands`)
    return { status: 'failed', attempts }
  }
}

/**
 * `POST /v1/link`: find the challenge the proof answers, check every field and
 * the signature, consume the nonce atomically, and only then call Snag. With a
 * session (or a host token naming a user who has wallets), the wallet joins that
 * account; otherwise it starts one, or signs in to the one it already belongs to.
 */
export function linkRoute({ settings, challenges, sessions, snag, velt, now, logger }: LinkRouteDeps) {
  async function targetOf(session: SessionRecord | undefined, hostUserId: string | undefined): Promise<Target | undefined> {
    if (session) {
      const members = await accountMembers(snag, session)
      if (!members.length) throw new RelayError('unauthorized', { message: 'The session’s account no longer exists. Link a wallet again.' })
      reanchor(session, members)
      return { userId: session.anchor.userId, groupId: session.groupId }
    }
    if (hostUserId) {
      const [user] = (await snag.listUsers({ externalIdentifier: hostUserId, limit: 1 })).data
      return user && { userId: user.id, groupId: user.userGroupId }
    }
    return undefined
  }

  const inAccount = (user: SnagUser, target: Target) => user.id === target.userId || (user.userGroupId !== null && user.userGroupId === target.groupId)

  return new Hono<RelayEnv>().post('/', json(LinkRequest), async (c) => {
    const request = c.req.valid('json')
    const session = c.get('session')
    const hostUserId = c.get('hostUserId') ?? session?.record.hostUserId
    if (request.confirmDisconnect && !session && !hostUserId)
      throw new RelayError('forbidden', { message: 'Moving a wallet needs a session that proves the account it moves to.' })
    const verifier = enabledVerifier(settings, request.walletType)

    const nonce = verifier.nonceOf(request.verificationData)
    const challenge = await challenges.find(nonce)
    if (!challenge || challenge.walletType !== request.walletType) throw new RelayError('challenge_unknown')
    if (challenge.origin !== c.get('origin'))
      throw new RelayError('domain_mismatch', { details: `challenge for ${challenge.origin}, link from ${c.get('origin')}` })
    const { walletAddress } = await verifier.verify(request.verificationData, {
      challenge,
      walletAddress: request.walletAddress,
      now: now(),
      chains: settings,
    })
    if (!(await challenges.consume(nonce))) throw new RelayError('challenge_unknown', { details: 'nonce consumed concurrently' })

    const record: SessionRecord | undefined = session && structuredClone(session.record)
    const target = await targetOf(record, hostUserId)
    const current = (await snag.listUsers({ walletAddress })).data.find((user) => walletTypeOf(user) === request.walletType)

    let user: SnagUser | { id: string; walletAddress: string; updatedAt: string }
    if (target && current && inAccount(current, target)) {
      if (session) throw new RelayError('already_linked')
      user = current // proving a wallet of the host user's account: signing in to it, nothing to connect
    } else {
      if (target && current?.userGroupId && !request.confirmDisconnect) throw new RelayError('wallet_linked_elsewhere')
      user = await snag.connect({
        walletType: request.walletType,
        walletAddress,
        verificationData: forSnag(request.verificationData),
        ...(target ? { userId: target.userId, ...(request.confirmDisconnect ? { confirmDisconnect: true } : {}) } : {}),
      })
    }

    // A new session anchors on the wallet just proved: its address finds the account it is in.
    const next: SessionRecord = record ?? {
      anchor: { userId: user.id, walletType: request.walletType, walletAddress: user.walletAddress },
      groupId: null,
      hostUserId,
    }
    next.hostUserId ??= hostUserId
    const members = await accountMembers(snag, next)
    const saved = session ? { ...session, record: next } : await sessions.create(next)
    if (session) await sessions.save(saved)

    const hostAccount = hostUserId
      ? await sideEffect('recording the host user on Snag', logger, () => snag.writeMetadata({ userId: user.id, externalIdentifier: hostUserId }))
      : undefined
    const veltOutcome = velt ? await sideEffect('adding the user to the Velt group', logger, () => velt.addToGroup([hostUserId ?? user.id])) : undefined

    const wallet = toLinkedWallet({ id: user.id, walletAddress: user.walletAddress, walletType: request.walletType, userGroupId: null, createdAt: user.updatedAt, updatedAt: user.updatedAt })!
    const body: LinkResponse = {
      wallet,
      wallets: members.length ? toLinkedWallets(members) : [wallet],
      session: saved.token,
      ...(hostAccount ? { hostAccount } : {}),
      ...(veltOutcome ? { velt: veltOutcome } : {}),
    }
    return c.json(body)
  })
}
