/**
 * Sign-In With Solana: the EIP-4361 layout with "wants you to sign in with your
 * Solana account:". Built and parsed with the Solana Wallet Standard's own
 * functions, the ones wallets use to answer `solana:signIn`.
 */
import type { SolanaSignInInput } from '@solana/wallet-standard-features'
import { createSignInMessageText } from '@solana/wallet-standard-util'
import type { ChallengeResponse } from '../../protocol/relay.js'
import type { SolanaCluster } from './spec.js'

type SiwsChallenge = Pick<ChallengeResponse, 'domain' | 'statement' | 'uri' | 'version' | 'nonce' | 'issuedAt' | 'expiresAt'>

/** The `solana:signIn` input for a relay challenge (without an address when the wallet picks it). */
export function siwsInput(challenge: SiwsChallenge, chain: SolanaCluster, address?: string): SolanaSignInInput {
  return {
    domain: challenge.domain,
    ...(address === undefined ? {} : { address }),
    statement: challenge.statement,
    uri: challenge.uri,
    version: challenge.version,
    chainId: chain,
    nonce: challenge.nonce,
    issuedAt: challenge.issuedAt,
    expirationTime: challenge.expiresAt,
  }
}

/** The exact SIWS text for a challenge and address, for wallets that only sign messages. */
export function siwsMessage(challenge: SiwsChallenge, chain: SolanaCluster, address: string): string {
  return createSignInMessageText({ ...siwsInput(challenge, chain), domain: challenge.domain, address })
}
