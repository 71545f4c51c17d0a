import { Hono, type MiddlewareHandler } from 'hono'
import { RelayError } from '../../protocol/errors.js'
import { ChallengeRequest, type RelayWalletType } from '../../protocol/relay.js'
import { verifierFor } from '../../verify/registry.js'
import type { ProofVerifier } from '../../verify/types.js'
import { toChallengeResponse, type Challenges } from '../challenges.js'
import type { RelayEnv, RelaySettings } from '../env.js'
import { json } from '../middleware/validate.js'
import type { ClientIp, RateLimiter } from '../rate-limit.js'

/** The verifier for a chain the relay has enabled, or `chain_not_allowed`. */
export function enabledVerifier(settings: RelaySettings, walletType: RelayWalletType): ProofVerifier {
  const verifier = settings.chains.includes(walletType) ? verifierFor(walletType) : undefined
  if (!verifier) throw new RelayError('chain_not_allowed', { details: `walletType ${walletType}` })
  return verifier
}

export type ChallengeRouteDeps = { settings: RelaySettings; challenges: Challenges; limiter: RateLimiter; clientIp: ClientIp }

/**
 * `POST /v1/challenge`: a fresh single-use nonce bound to the caller's origin (and
 * to the wallet's address when it names one). Issuing one stores nothing, so it is
 * limited per client address only.
 */
export function challengeRoute({ settings, challenges, limiter, clientIp }: ChallengeRouteDeps) {
  const limited: MiddlewareHandler<RelayEnv> = async (c, next) => {
    await limiter.ip('challenge', clientIp(c))
    await next()
  }
  return new Hono<RelayEnv>().post('/', limited, json(ChallengeRequest), async (c) => {
    const request = c.req.valid('json')
    const verifier = enabledVerifier(settings, request.walletType)
    const chainId = verifier.challengeChainId(request.chainId, settings)
    const address = request.address === undefined ? undefined : verifier.canonicalAddress(request.address)
    if (request.address !== undefined && !address)
      throw new RelayError('invalid_request', { message: `address is not a ${request.walletType} address.` })
    const record = await challenges.issue({ walletType: request.walletType, chainId, address }, c.get('origin'))
    return c.json(toChallengeResponse(record))
  })
}
