/**
 * TON proofs: TON Connect `ton_proof`, verified as the specification says and
 * more strictly than its reference implementations: the payload is a nonce this
 * relay issued (single use, unexpired); the domain is an allowed host with its
 * true UTF-8 length; the timestamp is no older than the challenge and not in the
 * future; the network is the configured one; the public key comes from the state
 * init, which must hash to the address.
 */
import { RelayError } from '../../protocol/errors.js'
import type { LinkVerificationData } from '../../protocol/relay.js'
import { CLOCK_SKEW_MS } from '../sign-in-fields.js'
import type { ProofVerifier, VerifyContext } from '../types.js'
import { isValidTonProof, isValidTonProofSignature, parseTonAddress, readTonAccount, utf8Length } from './proof.js'

function verificationOf(data: LinkVerificationData) {
  if (!data.tonVerification) throw new RelayError('invalid_request', { message: 'A TON proof needs verificationData.tonVerification.' })
  return data.tonVerification
}

function checkTime(timestamp: number, { challenge, now }: VerifyContext): void {
  const signedAt = timestamp * 1000
  if (now >= Date.parse(challenge.expiresAt)) throw new RelayError('challenge_expired')
  if (signedAt < Date.parse(challenge.issuedAt) - CLOCK_SKEW_MS)
    throw new RelayError('challenge_expired', { message: 'The proof is older than its challenge.' })
  if (signedAt > now + CLOCK_SKEW_MS) throw new RelayError('challenge_expired', { message: 'The proof is dated in the future.' })
}

export const tonVerifier: ProofVerifier = {
  walletType: 'ton',

  canonicalAddress: (address) => parseTonAddress(address)?.toRawString(),

  challengeChainId(requested) {
    if (requested !== undefined)
      throw new RelayError('invalid_request', { message: 'A TON challenge takes no chainId; the relay names its network.' })
    return undefined
  },

  nonceOf(data) {
    return verificationOf(data).proof.payload
  },

  async verify(data, context) {
    const verification = verificationOf(data)
    const { proof, account } = verification
    const { ton } = context.chains

    if (proof.domain.value !== context.challenge.domain)
      throw new RelayError('domain_mismatch', {
        details: `ton_proof domain ${JSON.stringify(proof.domain.value)} ≠ ${context.challenge.domain}`,
      })
    if (proof.domain.lengthBytes !== utf8Length(proof.domain.value))
      throw new RelayError('invalid_request', { message: 'proof.domain.lengthBytes is not the domain’s length in bytes.' })
    checkTime(proof.timestamp, context)
    if (account.chain !== ton.network) throw new RelayError('chain_not_allowed', { details: `ton network ${account.chain}` })

    const facts = readTonAccount(verification)
    const claimed = parseTonAddress(context.walletAddress)
    if (!claimed?.equals(facts.address))
      throw new RelayError('address_mismatch', { details: `walletAddress ${context.walletAddress} ≠ account ${account.address}` })
    if (!isValidTonProofSignature(verification, facts)) throw new RelayError('signature_invalid')
    return { walletAddress: facts.address.toRawString() }
  },

  async checkSignature(walletAddress, data) {
    return !!data.tonVerification && isValidTonProof(walletAddress, data.tonVerification)
  },
}
