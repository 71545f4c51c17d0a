import { Hono, type MiddlewareHandler } from 'hono'
import { RelayError } from '../../protocol/errors.js'
import type { ChallengeRequest } from '../../protocol/relay.js'
import type { RelayChains } from '../chains.js'
import { toChallengeResponse, type Challenges } from '../challenges.js'
import type { RelayEnv } from '../env.js'
import { json } from '../middleware/validate.js'
import type { ClientIp, RateLimiter } from '../rate-limit.js'
import type { z } from 'zod/mini'

export type ChallengeRouteDeps = {
  chains: RelayChains
  schema: z.ZodMiniType<ChallengeRequest>
  challenges: Challenges
  limiter: RateLimiter
  clientIp: ClientIp
}

/**
 * `POST /v1/challenge`: a fresh single-use nonce bound to the caller's origin (and
 * to the wallet's address when it names one), with the exact text to sign when
 * the chain signs relay-built text. Issuing one stores nothing, so it is limited
 * per client address only.
 */
export function challengeRoute({ chains, schema, challenges, limiter, clientIp }: ChallengeRouteDeps) {
  const limited: MiddlewareHandler<RelayEnv> = async (c, next) => {
    await limiter.ip('challenge', clientIp(c))
    await next()
  }
  return new Hono<RelayEnv>().post('/', limited, json(schema), async (c) => {
    const request = c.req.valid('json')
    const { server, verifier } = chains.get(request.walletType)
    const chainId = verifier.challengeChainId(request.chainId)
    const address = request.address === undefined ? undefined : server.canonicalAddress(request.address)
    if (request.address !== undefined && !address)
      throw new RelayError('invalid_request', { message: `address is not a valid ${request.walletType} address.` })
    const record = await challenges.issue({ walletType: request.walletType, chainId, address }, c.get('origin'))
    const message = address && (await verifier.message?.(record))
    return c.json({ ...toChallengeResponse(record), ...(message ? { message } : {}) })
  })
}
