/**
 * `POST /v1/link`: the HTTP face of the link use case (usecases/link.ts). Limits
 * the caller, refuses a named account, accepts the proof, links, and parks a
 * verified proof that met a passing upstream failure for its very request.
 */
import { Hono, type Context, type MiddlewareHandler, type Next } from 'hono'
import { RelayError } from '../../protocol/errors.js'
import { LinkRequest } from '../../protocol/relay.js'
import { isTransient } from '../../upstream/retry.js'
import type { Challenges } from '../challenges.js'
import type { RelayEnv, RelaySettings } from '../env.js'
import { json } from '../middleware/validate.js'
import type { ClientIp, RateLimiter } from '../rate-limit.js'
import { acceptProof, bindingOf, linkWallet, type Caller, type LinkDeps } from '../usecases/link.js'
import { enabledVerifier } from './challenge.js'

export type LinkRouteDeps = LinkDeps & {
  settings: RelaySettings
  challenges: Challenges
  now: () => number
  limiter: RateLimiter
  clientIp: ClientIp
}

/** Naming the account is the session's (or host token's) job: a userId in the body is an attempt to join someone else's. */
async function refuseNamedUser(c: Context, next: Next) {
  const body: unknown = await c.req.json().catch(() => undefined)
  if (body && typeof body === 'object' && 'userId' in body)
    throw new RelayError('forbidden', { message: 'The account a wallet joins comes from your session, never from the request.' })
  await next()
}

export function linkRoute(deps: LinkRouteDeps) {
  const { settings, challenges, now, limiter, clientIp } = deps
  const limited: MiddlewareHandler<RelayEnv> = async (c, next) => {
    await limiter.ip('link', clientIp(c))
    await next()
  }
  return new Hono<RelayEnv>().post('/', limited, refuseNamedUser, json(LinkRequest), async (c) => {
    const request = c.req.valid('json')
    const caller: Caller = { session: c.get('session'), hostUserId: c.get('hostUserId') }
    if (request.confirmDisconnect && !caller.session && !caller.hostUserId)
      throw new RelayError('forbidden', { message: 'Moving a wallet needs a session that proves the account it moves to.' })
    if (caller.session) await limiter.session(caller.session.session.id)
    const verifier = enabledVerifier(settings, request.walletType)
    const binding = bindingOf(request, caller)
    const proof = await acceptProof(
      { challenges, verifier, chains: settings, now, limit: (address) => limiter.wallet(request.walletType, address) },
      request,
      {
        origin: c.get('origin'),
        binding,
      },
    )
    try {
      const input = {
        ...request,
        walletAddress: proof.walletAddress,
        confirmDisconnect: request.confirmDisconnect ?? false,
        caller,
        resubmitted: proof.resubmitted,
      }
      return c.json(await linkWallet(deps, input))
    } catch (error) {
      // A verified proof that met a passing upstream failure may be sent again, unchanged, by the same caller, until its challenge expires.
      if (isTransient(error)) await challenges.park(proof.challenge, binding).catch(() => {})
      throw error
    }
  })
}
