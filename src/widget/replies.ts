/**
 * The shapes of the relay's answers, from the shared protocol: the widget checks
 * every answer against them rather than trusting a cast. Loaded on the first call
 * that needs them (zod/mini and the chain specs stay out of the page's first load).
 */
import type { z } from 'zod/mini'
import { ErrorBody } from '../protocol/errors.js'
import { ChallengeResponse, ConfigResponse, LinkResponse, ProfileResponse, UnlinkResponse, WalletsResponse } from '../protocol/relay.js'

export const REPLIES = {
  config: ConfigResponse,
  challenge: ChallengeResponse,
  link: LinkResponse,
  wallets: WalletsResponse,
  unlink: UnlinkResponse,
  profile: ProfileResponse,
} satisfies Record<string, z.ZodMiniType>

export type Reply = keyof typeof REPLIES
export type ReplyOf<K extends Reply> = z.infer<(typeof REPLIES)[K]>

export function parseReply<K extends Reply>(kind: K, body: unknown): ReplyOf<K> | undefined {
  const parsed = REPLIES[kind].safeParse(body)
  return parsed.success ? (parsed.data as ReplyOf<K>) : undefined
}

export const parseError = (body: unknown): ErrorBody | undefined => ErrorBody.safeParse(body).data
