/**
 * Snag Solutions API, as published in shared/spec/ (000 connect, 001 disconnect,
 * 002 metadatas). The emulator validates requests with these schemas and the
 * relay's Snag client parses answers with them, so the two cannot drift.
 */
import { z } from 'zod/mini'
import { TonChain, WalletType } from './snag-enums.js'

export { TonChain, WalletType }

/** Snag's exact answer strings, typos included. */
export const SNAG_MESSAGES = {
  invalidRequest: 'Not a valid request',
  userNotFound: 'User not found',
  sameWallet: 'You cannot connect same wallet address',
  signatureInvalid: 'signatue is not valid',
  forbidden: 'Forbidden, Could not validate api key',
  notFound: 'Not found',
  internal: 'Internal server error',
  success: 'Success',
  notSameGroup: 'User is not part of the same group',
  notInGroup: 'User is not part of the group',
} as const

export const SNAG_MAXIMUM_ACCOUNT_LINKED = 'MAXIMUM_ACCOUNT_LINKED'

/** The header Snag reads the API key from. */
export const SNAG_API_KEY_HEADER = 'X-API-KEY'

/** Snag's ids are UUID-formatted strings. */
const Id = z.guid()
const DateTime = z.iso.datetime({ offset: true })

export const TonProof = z.object({
  timestamp: z.number(),
  domain: z.object({ lengthBytes: z.number(), value: z.string() }),
  payload: z.string(),
  signature: z.string(),
  state_init: z.optional(z.string()),
})
export type TonProof = z.infer<typeof TonProof>

export const TonAccount = z.object({
  address: z.string(),
  chain: TonChain,
  publicKey: z.string(),
  walletStateInit: z.optional(z.string()),
})
export type TonAccount = z.infer<typeof TonAccount>

export const TonVerification = z.object({ proof: TonProof, account: TonAccount })
export type TonVerification = z.infer<typeof TonVerification>

export const VerificationData = z.object({
  message: z.optional(z.string()),
  signature: z.optional(z.string()),
  tonVerification: z.optional(TonVerification),
  accessToken: z.optional(z.string()),
  dynamicAuthToken: z.optional(z.string()),
  verifiedLocally: z.optional(z.boolean()),
})
export type VerificationData = z.infer<typeof VerificationData>

// ── POST /api/users/connect ────────────────────────────────────────────────

export const SnagConnectRequest = z.object({
  websiteId: Id,
  organizationId: Id,
  walletType: WalletType,
  walletAddress: z.string(),
  verificationData: z.optional(VerificationData),
  userId: z.optional(Id),
  confirmDisconnect: z.optional(z.boolean()),
})
export type SnagConnectRequest = z.infer<typeof SnagConnectRequest>

export const SnagConnectResponse = z.object({
  walletAddress: z.string(),
  id: Id,
  createdAt: DateTime,
  updatedAt: DateTime,
})
export type SnagConnectResponse = z.infer<typeof SnagConnectResponse>

/**
 * The spec marks both fields required, yet `error` has the single value
 * MAXIMUM_ACCOUNT_LINKED: it is read here as present only for that case.
 */
export const SnagConnectBadRequest = z.object({
  message: z.enum([SNAG_MESSAGES.invalidRequest, SNAG_MESSAGES.userNotFound, SNAG_MESSAGES.sameWallet, SNAG_MESSAGES.signatureInvalid]),
  error: z.optional(z.enum([SNAG_MAXIMUM_ACCOUNT_LINKED])),
})
export type SnagConnectBadRequest = z.infer<typeof SnagConnectBadRequest>

// ── Answers shared by every Snag endpoint ──────────────────────────────────

export const SnagMessageBody = z.object({ message: z.string() })
export type SnagMessageBody = z.infer<typeof SnagMessageBody>

export const SnagServerError = z.object({
  success: z.boolean(),
  message: z.string(),
  debugInfo: z.optional(z.string()),
})
export type SnagServerError = z.infer<typeof SnagServerError>

// ── POST /api/users/disconnect ─────────────────────────────────────────────

export const SnagDisconnectRequest = z.object({
  websiteId: Id,
  organizationId: Id,
  userId: Id,
})
export type SnagDisconnectRequest = z.infer<typeof SnagDisconnectRequest>

export const SnagDisconnectResponse = z.object({ message: z.literal(SNAG_MESSAGES.success) })
export type SnagDisconnectResponse = z.infer<typeof SnagDisconnectResponse>

export const SnagDisconnectBadRequest = z.object({
  message: z.enum([SNAG_MESSAGES.invalidRequest, SNAG_MESSAGES.notSameGroup, SNAG_MESSAGES.notInGroup]),
})
export type SnagDisconnectBadRequest = z.infer<typeof SnagDisconnectBadRequest>

// ── POST /api/users/metadatas ──────────────────────────────────────────────

const text = z.nullable(z.string())
const textMax = (n: number) => z.nullable(z.string().check(z.maxLength(n)))

export const BlockStatusReason = z.enum([
  'sybil_and_multi_account',
  'account_migration',
  'abuse_manipulation',
  'not_sybil',
  'issue_resolved',
  'twitter_suspended',
  'other',
])
export type BlockStatusReason = z.infer<typeof BlockStatusReason>

export const E164_PATTERN = /^\+[1-9]\d{1,14}$/

export const SnagMetadataRequest = z.object({
  userId: z.optional(Id),
  walletAddress: z.optional(z.string()),
  isBlocked: z.optional(z.boolean()),
  epicAccountIdentifier: z.optional(text),
  discordUser: z.optional(text),
  discordUserId: z.optional(text),
  twitterUser: z.optional(text),
  twitterUserFollowersCount: z.optional(z.nullable(z.number())),
  twitterUserId: z.optional(text),
  emailAddress: z.optional(z.nullable(z.email())),
  walletGroupIdentifier: z.optional(text),
  userGroupId: z.optional(Id),
  telegramUserId: z.optional(text),
  telegramUsername: z.optional(text),
  steamUserId: z.optional(textMax(128)),
  steamUsername: z.optional(textMax(128)),
  googleUserId: z.optional(textMax(128)),
  googleUser: z.optional(text),
  YTChannelId: z.optional(text),
  displayName: z.optional(text),
  location: z.optional(textMax(255)),
  bio: z.optional(textMax(255)),
  portfolioUrl: z.optional(textMax(255)),
  externalLoyaltyScore: z.optional(text),
  blockStatusReason: z.optional(z.nullable(BlockStatusReason)),
  isBlockExempt: z.optional(z.boolean()),
  internalNotes: z.optional(text),
  logoUrl: z.optional(text),
  userGroupExternalIdentifier: z.optional(text),
  externalIdentifier: z.optional(textMax(255)),
  websiteId: z.optional(Id),
  organizationId: z.optional(Id),
  tiktokUser: z.optional(text),
  tiktokUserId: z.optional(text),
  sybilScore: z.optional(z.nullable(z.number().check(z.gte(1), z.lte(100)))),
  githubUser: z.optional(text),
  githubUserId: z.optional(text),
  phoneNumber: z.optional(z.nullable(z.string().check(z.regex(E164_PATTERN)))),
})
export type SnagMetadataRequest = z.infer<typeof SnagMetadataRequest>

/** `userGroupId` is documented as a uuid, yet its own example is "user-group-id". */
export const SnagMetadataResponse = z.object({
  id: Id,
  websiteId: Id,
  organizationId: Id,
  walletGroupIdentifier: z.nullable(z.string()),
  userGroupId: z.nullable(z.string()),
  userGroup: z.nullable(z.object({ id: z.string(), externalIdentifier: z.nullish(z.string()) })),
  user: z.object({ id: Id, walletAddress: z.string() }),
  createdAt: DateTime,
})
export type SnagMetadataResponse = z.infer<typeof SnagMetadataResponse>

// ── GET /api/users ─────────────────────────────────────────────────────────
// Not among the four documents in shared/spec/; DESIGN.md names it for listing
// a group's wallets. Modelled on Snag's list answers: `{ data, hasNextPage }`,
// paged with `limit` and `startingAfter` (the last id of the page before),
// filtered by user group, wallet address, or the externalIdentifier metadata.

export const SnagUsersQuery = z.object({
  websiteId: z.optional(Id),
  organizationId: z.optional(Id),
  userGroupId: z.optional(Id),
  walletAddress: z.optional(z.string()),
  externalIdentifier: z.optional(z.string()),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(1000))),
  startingAfter: z.optional(Id),
})
export type SnagUsersQuery = z.infer<typeof SnagUsersQuery>

export const SnagUser = z.object({
  id: Id,
  walletAddress: z.string(),
  walletType: z.optional(WalletType),
  userGroupId: z.nullable(Id),
  createdAt: DateTime,
  updatedAt: DateTime,
})
export type SnagUser = z.infer<typeof SnagUser>

export const SnagUsersResponse = z.object({
  data: z.array(SnagUser),
  hasNextPage: z.boolean(),
})
export type SnagUsersResponse = z.infer<typeof SnagUsersResponse>
