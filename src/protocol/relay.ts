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
  /** `manifestUrl` is absent when the relay knows no public URL: the page then names its own manifest. */
  ton: z.optional(z.object({ network: TonChain, manifestUrl: z.optional(z.string()) })),
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

/** What happened to the optional side effects of a link; the link itself stands either way. */
export const SyncOutcome = z.object({ status: z.enum(['done', 'failed']), attempts: z.number() })
export type SyncOutcome = z.infer<typeof SyncOutcome>

export const LinkResponse = z.object({
  wallet: LinkedWallet,
  wallets: z.array(LinkedWallet),
  /** Bearer token for the account's later requests (`Authorization: Bearer …`). */
  session: z.string(),
  /** Recording the host's user id on the Snag user, when a host token came with the link. */
  hostAccount: z.optional(SyncOutcome),
  /** Adding the user to the configured Velt organization user group. */
  velt: z.optional(SyncOutcome),
})
export type LinkResponse = z.infer<typeof LinkResponse>

export { USER_TOKEN_HEADER } from './headers.js'

// ── GET /v1/wallets, POST /v1/unlink ───────────────────────────────────────

export const WalletsResponse = z.object({ wallets: z.array(LinkedWallet) })
export type WalletsResponse = z.infer<typeof WalletsResponse>

export const UnlinkRequest = z.strictObject({ userId: z.guid() })
export type UnlinkRequest = z.infer<typeof UnlinkRequest>

export const UnlinkResponse = z.object({
  unlinked: LinkedWallet,
  wallets: z.array(LinkedWallet),
  /** True when the unlinked wallet is the one this session was signed in with: the session has ended. */
  sessionEnded: z.optional(z.literal(true)),
})
export type UnlinkResponse = z.infer<typeof UnlinkResponse>

// ── POST /v1/profile ───────────────────────────────────────────────────────

/** Limits the widget's form checks as the relay does: Snag's own where it documents one. */
export const PROFILE_LIMITS = { displayName: 64, bio: 255, location: 255, portfolioUrl: 255, logoUrl: 255 } as const

const profileText = (max: number) => z.nullable(z.string().check(z.trim(), z.maxLength(max)))
const profileUrl = (max: number) =>
  z.nullable(z.string().check(z.trim(), z.maxLength(max), z.regex(/^https:\/\/[^\s]+$/, 'must be an https:// URL')))

/**
 * The only metadata a browser may write. Everything else Snag's metadatas accepts
 * (block status, sybil score, notes, identifiers, groups…) is the operator's alone.
 */
export const ProfileRequest = z
  .strictObject({
    displayName: z.optional(profileText(PROFILE_LIMITS.displayName)),
    bio: z.optional(profileText(PROFILE_LIMITS.bio)),
    location: z.optional(profileText(PROFILE_LIMITS.location)),
    portfolioUrl: z.optional(profileUrl(PROFILE_LIMITS.portfolioUrl)),
    logoUrl: z.optional(profileUrl(PROFILE_LIMITS.logoUrl)),
  })
  .check(z.refine((profile) => Object.keys(profile).length > 0, 'name at least one field'))
export type ProfileRequest = z.infer<typeof ProfileRequest>

export const ProfileResponse = z.object({ profile: ProfileRequest })
export type ProfileResponse = z.infer<typeof ProfileResponse>

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
