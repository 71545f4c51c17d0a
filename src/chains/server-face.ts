/**
 * The server face of a chain: a verifier built from its dependencies (the
 * chain's settings, a clock, the crypto port, the RPC endpoints it may ask),
 * the canonical form of its addresses, Snag's own check of a proof (which the
 * emulator makes, as Snag does), and any routes of its own. It runs on any
 * Fetch-API runtime: no `node:` import.
 */
import type { Hono } from 'hono'
import type { CryptoPort } from '../crypto/port.js'
import type { VerificationData } from '../protocol/snag.js'
import type { ChainSpec, RelayFacts } from './spec.js'

/** What the relay issued for one challenge (rebuilt from its nonce, which carries or MACs every field). */
export type ChallengeRecord = {
  nonce: string
  walletType: string
  /** The origin whose page asked for the challenge, e.g. `https://app.example`. */
  origin: string
  /** RFC 3986 authority of that origin (host[:port]): what the wallet binds the proof to. */
  domain: string
  uri: string
  statement: string
  version: '1'
  /** The chain id the challenge binds to: a number (EVM) or a string (a Cosmos chain id). */
  chainId?: number | string | undefined
  /** The wallet's canonical address, when the wallet named it first. */
  address?: string | undefined
  /** ISO 8601 with milliseconds, as `Date.prototype.toISOString` writes it. */
  issuedAt: string
  expiresAt: string
}

export type VerifyContext = {
  /** The challenge the proof answers. */
  challenge: ChallengeRecord
  /** The wallet address the request claims. */
  walletAddress: string
  /** Aborts RPC calls when the request goes away. */
  signal?: AbortSignal | undefined
}

/** What a verified proof establishes: the address in the chain's canonical form. */
export type VerifiedProof = {
  walletAddress: string
  /** The proof in the encoding Snag documents, when the wallet's differed (an EIP-2098 compact signature, expanded). */
  proof?: unknown
  /** Only the relay could check this proof (a contract asked on its chain): Snag is told so (`verifiedLocally`). */
  verifiedLocally?: boolean
}

/**
 * One chain's proof checks, bound to its settings. `nonceOf` only reads the proof
 * to find which challenge it answers; `verify` checks every field against that
 * challenge and then the signature, throwing a `RelayError` with the first
 * failing code (`dependency_unavailable` when a chain it must ask cannot answer).
 */
export interface ProofVerifier {
  /**
   * The chain id a new challenge binds to, from the one the wallet asked for and the
   * ones the relay allows (throws `chain_not_allowed`); undefined where configuration
   * fixes the network.
   */
  challengeChainId(requested: number | string | undefined): number | string | undefined
  /** The exact text the wallet signs for `challenge` (its address known), for chains that sign relay-built text. */
  message?(challenge: ChallengeRecord): string | Promise<string>
  nonceOf(proof: unknown): string
  verify(proof: unknown, context: VerifyContext): Promise<VerifiedProof>
}

/**
 * An RPC endpoint of a chain, as the operator configured it. Its `fetch` holds
 * every call to a deadline (and the caller's signal), retries once, and turns a
 * chain that is down or slow into `dependency_unavailable`, never a bad proof.
 */
export interface ChainRpc {
  readonly url: string
  fetch(input: string | URL, init?: RpcInit): Promise<Response>
}

/** A request to a chain's RPC; `answers` are statuses the chain answers with on purpose (an Antelope node's 500 for an unknown account). */
export type RpcInit = RequestInit & { answers?: readonly number[] }

export type VerifierDeps<Settings> = {
  settings: Settings
  crypto: CryptoPort
  now: () => number
  /** The RPC endpoint for a chain reference (an EVM chain id, a network name…), when one is configured. */
  rpc(reference: string): ChainRpc | undefined
}

export interface ServerChain<Settings = unknown, Id extends string = string> {
  readonly spec: ChainSpec<Id, Settings>
  /** The address in the one form the relay compares, keys and sends to Snag, or undefined when it is not one of this chain's. */
  canonicalAddress(address: string): string | undefined
  verifier(deps: VerifierDeps<Settings>): ProofVerifier
  /** Snag's own check, as the emulator makes it: does `data` carry a valid signature by `walletAddress`, whatever the text says? */
  snagCheck(walletAddress: string, data: VerificationData, crypto: CryptoPort): Promise<boolean>
  /** Routes the chain serves beside the relay's own (TON's app manifest). */
  routes?(settings: Settings, relay: RelayFacts & { allowedOrigins: readonly string[] }): Hono
}

/** Any chain's server face, as code that treats every chain alike sees it. */
export type AnyServerChain = ServerChain<unknown>

/**
 * The one chain of `chains` that a Snag wallet (`walletType`, `address`) is: the chain
 * with that walletType, or, where chains share one (a page's own chain beside a
 * registered one), the one of them whose addresses look like this. Undefined when
 * none or several fit: never the first match.
 */
export function chainOfSnagWallet<C extends AnyServerChain>(
  chains: readonly C[],
  walletType: string | null | undefined,
  address: string,
): C | undefined {
  const typed = walletType ? chains.filter((chain) => chain.spec.walletType === walletType) : chains
  if (walletType && typed.length === 1) return typed[0]
  const fitting = typed.filter((chain) => chain.canonicalAddress(address) !== undefined)
  return fitting.length === 1 ? fitting[0] : undefined
}
