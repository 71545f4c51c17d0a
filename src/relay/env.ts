import type { RelayConfig } from './config.js'
import type { Session } from './sessions.js'

/** What relay middleware hands to routes through the Hono context. */
export type RelayEnv = {
  Variables: {
    /** The request's `Origin`, present and allowed (set by the origin guard). */
    origin: string
    /** The caller's session, when it sent a valid one. */
    session: Session | undefined
    /** The host site's user id, when the caller sent a valid host token. */
    hostUserId: string | undefined
  }
}

export type RelaySettings = Pick<RelayConfig, 'allowedOrigins' | 'chains' | 'evm' | 'solana' | 'ton' | 'challengeTtlSeconds' | 'statement'>
