/**
 * The relay's HTTP API, version 1: the bodies the widget sends and receives.
 * Requests are strict (unknown fields are refused) and every string is bounded.
 * What differs by chain (the wallet types, each chain's proof and what
 * `/v1/config` says of it) is built from the chain registry, or from any list of
 * chains by `relaySchemas` (a relay built with other chains, a test's own).
 */
import { z } from 'zod/mini'
import { LIMITS, bounded } from '../chains/bounded.js'
import { CHAINS, type ChainId, type ProofOf, type PublicOf } from '../chains/registry.js'
import type { AnyChainSpec } from '../chains/spec.js'

export { LIMITS }

/** The relay's wallet types: the registered chains. */
export type RelayWalletType = ChainId

/** A chain id a challenge binds to: a number (EVM's) within the JSON-safe integers, or a CAIP-2 reference (a Cosmos chain id). */
export const ChainIdNumber = z.number().check(z.int(), z.gte(1), z.lte(Number.MAX_SAFE_INTEGER))
export const ChainReference = z.string().check(z.regex(/^[-a-zA-Z0-9_]{1,32}$/, 'must be a chain reference (CAIP-2)'))

// ── POST /v1/challenge ─────────────────────────────────────────────────────

export type ChallengeRequest = { walletType: ChainId; address?: string | undefined; chainId?: number | string | undefined }

export const ChallengeResponse = z.object({
  nonce: z.string(),
  domain: z.string(),
  uri: z.string(),
  statement: z.string(),
  version: z.literal('1'),
  chainId: z.optional(z.union([z.number(), z.string()])),
  issuedAt: z.string(),
  expiresAt: z.string(),
  /** The exact text the wallet signs, when the chain signs relay-built text and the address is known. */
  message: z.optional(z.string()),
})
export type ChallengeResponse = z.infer<typeof ChallengeResponse>

// ── GET /v1/config ─────────────────────────────────────────────────────────

/** The enabled chains, each with what its wallets need to know (under its own id), and the challenges' lifetime. */
export type ConfigResponse = { chains: ChainId[]; challengeTtlSeconds: number } & { [K in ChainId]?: PublicOf<K> }

// ── POST /v1/link ──────────────────────────────────────────────────────────

export type LinkRequest = {
  [K in ChainId]: { walletType: K; walletAddress: string; verificationData: ProofOf<K>; confirmDisconnect?: boolean | undefined }
}[ChainId]

export const LinkedWallet = z.object({
  userId: z.string(),
  walletType: z.string() as z.ZodMiniType<ChainId>,
  walletAddress: z.string(),
  linkedAt: z.string(),
})
export type LinkedWallet = z.infer<typeof LinkedWallet>

/** The schemas that depend on which chains the relay has: the wallet types, challenge and link requests, `/v1/config`. */
export function relaySchemas(specs: readonly AnyChainSpec[]) {
  const ids = specs.map((spec) => spec.id) as [ChainId, ...ChainId[]]
  const WalletType = z.enum(ids)
  return {
    WalletType,
    ChallengeRequest: z.strictObject({
      walletType: WalletType,
      address: z.optional(bounded(LIMITS.address)),
      chainId: z.optional(z.union([ChainIdNumber, ChainReference])),
    }) as z.ZodMiniType<ChallengeRequest>,
    LinkRequest: z.discriminatedUnion(
      'walletType',
      specs.map((spec) =>
        z.strictObject({
          walletType: z.literal(spec.id),
          walletAddress: bounded(LIMITS.address),
          verificationData: spec.proof,
          confirmDisconnect: z.optional(z.boolean()),
        }),
      ) as unknown as [z.ZodMiniObject, ...z.ZodMiniObject[]],
    ) as unknown as z.ZodMiniType<LinkRequest>,
    // Loose, and any chain id: a page may offer chains of its own that the relay also knows.
    ConfigResponse: z.looseObject({
      chains: z.array(z.string()),
      challengeTtlSeconds: z.number(),
      ...Object.fromEntries(specs.map((spec) => [spec.id, z.optional(spec.publicSettings)])),
    }) as unknown as z.ZodMiniType<ConfigResponse>,
  }
}

export const { WalletType: RelayWalletType, ChallengeRequest, LinkRequest, ConfigResponse } = relaySchemas(Object.values(CHAINS))

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
const profileFields = {
  displayName: z.optional(profileText(PROFILE_LIMITS.displayName)),
  bio: z.optional(profileText(PROFILE_LIMITS.bio)),
  location: z.optional(profileText(PROFILE_LIMITS.location)),
  portfolioUrl: z.optional(profileUrl(PROFILE_LIMITS.portfolioUrl)),
  logoUrl: z.optional(profileUrl(PROFILE_LIMITS.logoUrl)),
}

/**
 * The fields to change, and only those: a field left out keeps what was saved, `null`
 * clears it.
 */
export const ProfileRequest = z
  .strictObject(profileFields)
  .check(z.refine((profile) => Object.keys(profile).length > 0, 'name at least one field'))
export type ProfileRequest = z.infer<typeof ProfileRequest>

/** `GET /v1/profile`, and what `POST` answers: the profile as saved through the relay, every change merged. */
export const ProfileResponse = z.object({ profile: z.object(profileFields) })
export type ProfileResponse = z.infer<typeof ProfileResponse>

// ── GET /healthz, /readyz ──────────────────────────────────────────────────

export const HealthResponse = z.object({
  ok: z.boolean(),
  checks: z.optional(z.record(z.string(), z.boolean())),
  /** What is not ready, named: `store (redis)`. */
  failing: z.optional(z.array(z.string())),
})
export type HealthResponse = z.infer<typeof HealthResponse>
