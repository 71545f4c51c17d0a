import { Hono } from 'hono'
import { RelayError } from '../../protocol/errors.js'
import { LinkRequest, type LinkResponse, type LinkVerificationData, type LinkedWallet } from '../../protocol/relay.js'
import type { VerificationData } from '../../protocol/snag.js'
import type { SnagClient } from '../../upstream/snag.js'
import type { Challenges } from '../challenges.js'
import type { RelayEnv, RelaySettings } from '../env.js'
import { json } from '../middleware/validate.js'
import { enabledVerifier } from './challenge.js'

export type LinkRouteDeps = {
  settings: RelaySettings
  challenges: Challenges
  snag: SnagClient
  now: () => number
}

/** Exactly the proof Snag's `verificationData` documents, nothing the browser added. */
function forSnag(data: LinkVerificationData): VerificationData {
  return data.tonVerification ? { tonVerification: data.tonVerification } : { message: data.message, signature: data.signature }
}

/**
 * `POST /v1/link`: find the challenge the proof answers, check every field and
 * the signature, consume the nonce atomically, and only then call Snag.
 */
export function linkRoute({ settings, challenges, snag, now }: LinkRouteDeps) {
  return new Hono<RelayEnv>().post('/', json(LinkRequest), async (c) => {
    const request = c.req.valid('json')
    if (request.confirmDisconnect)
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

    const user = await snag.connect({
      walletType: request.walletType,
      walletAddress,
      verificationData: forSnag(request.verificationData),
    })
    const wallet: LinkedWallet = {
      userId: user.id,
      walletType: request.walletType,
      walletAddress: user.walletAddress,
      linkedAt: user.updatedAt,
    }
    const body: LinkResponse = { wallet, wallets: [wallet] }
    return c.json(body)
  })
}
