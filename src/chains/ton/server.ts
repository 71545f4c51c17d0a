/**
 * TON proofs: TON Connect `ton_proof`, verified as the specification says and
 * more strictly than its reference implementations: the payload is a nonce this
 * relay issued (single use, unexpired); the domain is the challenge's host with
 * its true UTF-8 length; the timestamp is no older than the challenge and not in
 * the future; the network is the configured one; the public key comes from the
 * state init, which must hash to the address. The chain also serves the app
 * manifest TON wallets show, for each allowed origin.
 */
import { Hono } from 'hono'
import { cors } from 'hono/cors'
import { RelayError } from '../../protocol/errors.js'
import { CLOCK_SKEW_MS } from '../../protocol/time.js'
import type { ChallengeRecord, ServerChain } from '../server-face.js'
import { lazy } from '../lazy.js'
import { tonRawAddress } from './address.js'
import { MANIFEST_PATH, ton, type TonProof, type TonSettings } from './spec.js'

/** @ton/core, which reads the proof's state init and account, loads with the first TON proof. */
const proofs = lazy(() => import('./proof.js'))

function checkTime(timestamp: number, challenge: ChallengeRecord, now: number): void {
  const signedAt = timestamp * 1000
  if (now >= Date.parse(challenge.expiresAt)) throw new RelayError('challenge_expired')
  if (signedAt < Date.parse(challenge.issuedAt) - CLOCK_SKEW_MS)
    throw new RelayError('challenge_expired', { message: 'The proof is older than its challenge.' })
  if (signedAt > now + CLOCK_SKEW_MS) throw new RelayError('challenge_expired', { message: 'The proof is dated in the future.' })
}

/** The TON Connect app manifest wallets fetch to show who asks (TON Connect specification). */
export type TonConnectManifest = { url: string; name: string; iconUrl: string }

export const tonServer: ServerChain<TonSettings, 'ton'> = {
  spec: ton,

  canonicalAddress: tonRawAddress,

  verifier: ({ settings, crypto, now }) => ({
    challengeChainId(requested) {
      if (requested !== undefined)
        throw new RelayError('invalid_request', { message: 'A TON challenge takes no chainId; the relay names its network.' })
      return undefined
    },

    nonceOf: (proof) => (proof as TonProof).tonVerification.proof.payload,

    async verify(proof, { challenge, walletAddress }) {
      const verification = (proof as TonProof).tonVerification
      const { proof: signed, account } = verification
      const { isValidTonProofSignature, parseTonAddress, readTonAccount, utf8Length } = await proofs()
      if (signed.domain.value !== challenge.domain)
        throw new RelayError('domain_mismatch', {
          details: `ton_proof domain ${JSON.stringify(signed.domain.value)} ≠ ${challenge.domain}`,
        })
      if (signed.domain.lengthBytes !== utf8Length(signed.domain.value))
        throw new RelayError('invalid_request', { message: 'proof.domain.lengthBytes is not the domain’s length in bytes.' })
      checkTime(signed.timestamp, challenge, now())
      if (account.chain !== settings.network) throw new RelayError('chain_not_allowed', { details: `ton network ${account.chain}` })

      const facts = readTonAccount(verification)
      const claimed = parseTonAddress(walletAddress)
      if (!claimed?.equals(facts.address))
        throw new RelayError('address_mismatch', { details: `walletAddress ${walletAddress} ≠ account ${account.address}` })
      if (!(await isValidTonProofSignature(crypto, verification, facts))) throw new RelayError('signature_invalid')
      return { walletAddress: facts.address.toRawString() }
    },
  }),

  snagCheck: async (walletAddress, data, crypto) =>
    !!data.tonVerification && (await proofs()).isValidTonProof(crypto, walletAddress, data.tonVerification),

  /**
   * `GET /tonconnect-manifest.json?origin=…`: the manifest for an allowed origin (the
   * first one otherwise). Wallets sign a ton_proof for the host of its `url`, so each
   * page gets its own; nothing in it comes from the request but the origin asked for.
   */
  routes: ({ app }, { allowedOrigins }) => {
    const allowed = new Set(allowedOrigins)
    return new Hono().get(MANIFEST_PATH, cors({ origin: '*' }), (c) => {
      const asked = c.req.query('origin')
      const url = asked && allowed.has(asked) ? asked : allowedOrigins[0]!
      const manifest: TonConnectManifest = { url, name: app.name, iconUrl: app.iconUrl ?? new URL('/favicon.ico', url).href }
      c.header('Cache-Control', 'public, max-age=300')
      return c.json(manifest)
    })
  },
}
