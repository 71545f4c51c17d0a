/**
 * The relay's HTTP API, version 1: the bodies the widget sends and receives.
 * Requests are strict (unknown fields are refused) and every string is bounded.
 */
import { z } from 'zod/mini'
import { TonChain } from './snag.js'

/** The chains this project can prove; the relay's configuration enables a subset. */
export const RelayWalletType = z.enum(['evm', 'solana', 'ton'])
export type RelayWalletType = z.infer<typeof RelayWalletType>

/** The Solana cluster a Sign-In With Solana message names as its Chain ID. */
export const SolanaChain = z.enum(['mainnet', 'devnet', 'testnet'])
export type SolanaChain = z.infer<typeof SolanaChain>

const bounded = (max: number) => z.string().check(z.minLength(1), z.maxLength(max))

export const LIMITS = {
  address: 128,
  message: 4096,
  signature: 8192,
  nonce: 128,
  stateInit: 8192,
  domain: 253,
} as const

// ── GET /v1/config ─────────────────────────────────────────────────────────

export const ConfigResponse = z.object({
  chains: z.array(RelayWalletType),
  evm: z.optional(z.object({ chainIds: z.array(z.number()) })),
  solana: z.optional(z.object({ chain: SolanaChain })),
  ton: z.optional(z.object({ network: TonChain, manifestUrl: z.string() })),
  challengeTtlSeconds: z.number(),
})
export type ConfigResponse = z.infer<typeof ConfigResponse>

// ── POST /v1/challenge ─────────────────────────────────────────────────────

export const EvmChainId = z.number().check(z.int(), z.gte(1), z.lte(Number.MAX_SAFE_INTEGER))

export const ChallengeRequest = z.strictObject({
  walletType: RelayWalletType,
  address: z.optional(bounded(LIMITS.address)),
  chainId: z.optional(EvmChainId),
})
export type ChallengeRequest = z.infer<typeof ChallengeRequest>

export const ChallengeResponse = z.object({
  nonce: z.string(),
  domain: z.string(),
  uri: z.string(),
  statement: z.string(),
  version: z.literal('1'),
  chainId: z.optional(z.number()),
  issuedAt: z.string(),
  expiresAt: z.string(),
})
export type ChallengeResponse = z.infer<typeof ChallengeResponse>

// ── POST /v1/link ──────────────────────────────────────────────────────────

export const LinkTonVerification = z.strictObject({
  proof: z.strictObject({
    timestamp: z.number().check(z.int(), z.gte(0)),
    domain: z.strictObject({
      lengthBytes: z.number().check(z.int(), z.gte(0)),
      value: bounded(LIMITS.domain),
    }),
    payload: bounded(LIMITS.nonce),
    signature: bounded(LIMITS.signature),
    state_init: z.optional(bounded(LIMITS.stateInit)),
  }),
  account: z.strictObject({
    address: bounded(LIMITS.address),
    chain: TonChain,
    publicKey: bounded(LIMITS.address),
    walletStateInit: z.optional(bounded(LIMITS.stateInit)),
  }),
})

/** What the browser may send as proof: a signed message, or a TON Connect ton_proof. */
export const LinkVerificationData = z.strictObject({
  message: z.optional(bounded(LIMITS.message)),
  signature: z.optional(bounded(LIMITS.signature)),
  tonVerification: z.optional(LinkTonVerification),
})
export type LinkVerificationData = z.infer<typeof LinkVerificationData>

export const LinkRequest = z.strictObject({
  walletType: RelayWalletType,
  walletAddress: bounded(LIMITS.address),
  verificationData: LinkVerificationData,
  confirmDisconnect: z.optional(z.boolean()),
})
export type LinkRequest = z.infer<typeof LinkRequest>

export const LinkedWallet = z.object({
  userId: z.string(),
  walletType: RelayWalletType,
  walletAddress: z.string(),
  linkedAt: z.string(),
})
export type LinkedWallet = z.infer<typeof LinkedWallet>

export const LinkResponse = z.object({
  wallet: LinkedWallet,
  wallets: z.array(LinkedWallet),
  session: z.optional(z.string()),
})
export type LinkResponse = z.infer<typeof LinkResponse>

// ── GET /tonconnect-manifest.json ───────────────────────────────────────────

/** The TON Connect app manifest wallets fetch to show who asks (TON Connect specification). */
export const TonConnectManifest = z.object({
  url: z.string(),
  name: z.string(),
  iconUrl: z.string(),
  termsOfUseUrl: z.optional(z.string()),
  privacyPolicyUrl: z.optional(z.string()),
})
export type TonConnectManifest = z.infer<typeof TonConnectManifest>

// ── GET /healthz, /readyz ──────────────────────────────────────────────────

export const HealthResponse = z.object({
  ok: z.boolean(),
  checks: z.optional(z.record(z.string(), z.boolean())),
})
export type HealthResponse = z.infer<typeof HealthResponse>
