/**
 * `POST /v1/link`: the HTTP face of the link use case (usecases/link.ts). Limits
 * the caller, refuses a named account, accepts the proof, links, and parks a
 * verified proof that met a passing upstream failure for its very request.
 */
import { Hono, type Context, type MiddlewareHandler, type Next } from 'hono'
import { RelayError } from '../../protocol/errors.js'
import type { LinkRequest } from '../../protocol/relay.js'
import type { z } from 'zod/mini'
import type { RelayChains } from '../chains.js'
import type { CryptoPort } from '../../crypto/port.js'
import { lazy } from '../../chains/lazy.js'
import { isTransient } from '../../upstream/retry.js'
import type { Challenges } from '../challenges.js'
import type { RelayEnv } from '../env.js'
import { json } from '../middleware/validate.js'
import type { ClientIp, RateLimiter } from '../rate-limit.js'
import { acceptProof, bindingOf, linkWallet, type Caller, type LinkDeps } from '../usecases/link.js'

export type LinkRouteDeps = LinkDeps & {
  crypto: CryptoPort
  /** The chains whose proofs Snag is told the relay verified. */
  verifiedByRelay: readonly string[]
  chains: RelayChains
  schema: z.ZodMiniType<LinkRequest>
  challenges: Challenges
  limiter: RateLimiter
  clientIp: ClientIp
}

/**
 * Before the body's shape: naming the account is the session's (or host token's)
 * job, so a userId in the body is an attempt to join someone else's; and a chain
 * the relay has not enabled is refused as such, whatever proof comes with it.
 */
const precheck =
  (chains: RelayChains) =>
  async (c: Context, next: Next): Promise<void> => {
    const body: unknown = await c.req.json().catch(() => undefined)
    if (body && typeof body === 'object') {
      if ('userId' in body)
        throw new RelayError('forbidden', { message: 'The account a wallet joins comes from your session, never from the request.' })
      const { walletType } = body as { walletType?: unknown }
      if (typeof walletType === 'string' && chains.known.some((chain) => chain.spec.id === walletType)) chains.get(walletType)
    }
    await next()
  }

export function linkRoute(deps: LinkRouteDeps) {
  const { chains, schema, challenges, limiter, clientIp, verifiedByRelay } = deps
  const limited: MiddlewareHandler<RelayEnv> = async (c, next) => {
    await limiter.ip('link', clientIp(c))
    await next()
  }
  return new Hono<RelayEnv>().post('/', limited, precheck(chains), json(schema), async (c) => {
    const request = c.req.valid('json')
    const caller: Caller = { session: c.get('session'), hostUserId: c.get('hostUserId') }
    if (request.confirmDisconnect && !caller.session && !caller.hostUserId)
      throw new RelayError('forbidden', { message: 'Moving a wallet needs a session that proves the account it moves to.' })
    if (caller.session) await limiter.session(caller.session.session.id)
    const chain = chains.get(request.walletType)
    // Needed only when the challenge is parked or already spent: hashed then, once.
    const binding = lazy(() => bindingOf(deps.crypto, request, caller))
    const limit = (address: string) => limiter.wallet(request.walletType, address)
    const proof = await acceptProof({ challenges, chain, limit }, request, { origin: c.get('origin'), binding, signal: c.req.raw.signal })
    try {
      const input = {
        walletType: request.walletType,
        walletAddress: proof.walletAddress,
        verificationData: {
          ...chain.server.spec.forSnag(proof.proof),
          // Snag does not document checking this family, or cannot check this proof offline: the relay says it did.
          ...(proof.verifiedLocally || verifiedByRelay.includes(request.walletType) ? { verifiedLocally: true } : {}),
        },
        confirmDisconnect: request.confirmDisconnect ?? false,
        caller,
        resubmitted: proof.resubmitted,
      }
      const linked = await linkWallet(deps, input)
      c.set('linked', request.walletType)
      return c.json(linked)
    } catch (error) {
      // A verified proof that met a passing upstream failure may be sent again, unchanged, by the same caller, until its challenge expires.
      if (isTransient(error)) await challenges.park(proof.challenge, await binding()).catch(() => {})
      throw error
    }
  })
}
