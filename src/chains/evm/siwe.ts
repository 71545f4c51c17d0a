/**
 * The exact EIP-4361 text a wallet signs for a relay challenge. The relay builds
 * it (and returns it as the challenge's `message`), and rebuilds it to check that
 * what was signed is exactly what it issued. One function, so the two cannot disagree.
 */
import { getAddress } from 'viem'
import { createSiweMessage } from 'viem/siwe'
import type { ChallengeResponse } from '../../protocol/relay.js'

export type SiweChallenge = Pick<
  ChallengeResponse,
  'domain' | 'statement' | 'uri' | 'version' | 'chainId' | 'nonce' | 'issuedAt' | 'expiresAt'
>

export function siweMessage(challenge: SiweChallenge, address: string): string {
  if (typeof challenge.chainId !== 'number') throw new TypeError('An EVM challenge carries a numeric chain id.')
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
