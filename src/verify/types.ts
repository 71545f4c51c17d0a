import type { LinkVerificationData, RelayWalletType, SolanaChain } from '../protocol/relay.js'
import type { TonChain } from '../protocol/snag.js'
import type { VerificationData } from '../protocol/snag.js'

/** What the relay issued and stored for one challenge. */
export type ChallengeRecord = {
  nonce: string
  walletType: RelayWalletType
  /** The origin whose page asked for the challenge, e.g. `https://app.example`. */
  origin: string
  /** RFC 3986 authority of that origin (host[:port]): what the wallet binds the proof to. */
  domain: string
  uri: string
  statement: string
  version: '1'
  chainId?: number | undefined
  address?: string | undefined
  /** ISO 8601 with milliseconds, as `Date.prototype.toISOString` writes it. */
  issuedAt: string
  expiresAt: string
}

/** What each chain's checks need from the relay's configuration. */
export type ChainSettings = {
  evm: { chainIds: readonly number[] }
  solana: { chain: SolanaChain }
  ton: { network: TonChain }
}

export type VerifyContext = {
  /** The challenge named by the proof, as the relay stored it. */
  challenge: ChallengeRecord
  /** The wallet address the request claims. */
  walletAddress: string
  /** Current time in milliseconds since the epoch. */
  now: number
  chains: ChainSettings
}

/** What a verified proof establishes. */
export type VerifiedProof = {
  /** The address in the chain's canonical form (EIP-55 checksum for EVM). */
  walletAddress: string
}

/**
 * Server-side proof checks for one chain. `nonceOf` only reads the proof to find
 * which challenge it answers; `verify` checks every field against that challenge
 * and then the signature, throwing a `RelayError` with the first failing code.
 */
export interface ProofVerifier {
  readonly walletType: RelayWalletType
  /**
   * The address in the one form the relay compares, keys and sends to Snag (EIP-55
   * for EVM, raw `wc:hex` for TON), or undefined when it is not an address of this chain.
   */
  canonicalAddress(address: string): string | undefined
  /**
   * The chain id a new challenge binds to, from the one the wallet asked for and
   * the ones the relay allows (throws `chain_not_allowed`). Undefined for chains
   * whose network is fixed by configuration.
   */
  challengeChainId(requested: number | undefined, chains: ChainSettings): number | undefined
  nonceOf(data: LinkVerificationData): string
  verify(data: LinkVerificationData, context: VerifyContext): Promise<VerifiedProof>
  /**
   * Snag's own check, as the emulator performs it: does `data` carry a valid
   * signature by `walletAddress`, whatever the message says?
   */
  checkSignature(walletAddress: string, data: VerificationData): Promise<boolean>
}
