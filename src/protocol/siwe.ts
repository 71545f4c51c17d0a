/**
 * The exact EIP-4361 text a wallet signs for a relay challenge. The widget builds
 * it to sign; the relay rebuilds it to check that what was signed is exactly
 * what it issued. One function, so the two cannot disagree.
 */
import { getAddress } from 'viem'
import { createSiweMessage } from 'viem/siwe'
import type { ChallengeResponse } from './relay.js'

export function siweMessage(challenge: ChallengeResponse, address: string): string {
  if (challenge.chainId === undefined) throw new TypeError('An EVM challenge carries a chain id.')
  return createSiweMessage({
    domain: challenge.domain,
    address: getAddress(address),
    statement: challenge.statement,
    uri: challenge.uri,
    version: challenge.version,
    chainId: challenge.chainId,
    nonce: challenge.nonce,
    issuedAt: new Date(challenge.issuedAt),
    expirationTime: new Date(challenge.expiresAt),
  })
}
