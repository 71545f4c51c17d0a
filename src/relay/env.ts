import type { RelayConfig } from './config.js'

/** What relay middleware hands to routes through the Hono context. */
export type RelayEnv = {
  Variables: {
    /** The request's `Origin`, present and allowed (set by the origin guard). */
    origin: string
  }
}

export type RelaySettings = Pick<RelayConfig, 'allowedOrigins' | 'chains' | 'evm' | 'solana' | 'ton' | 'challengeTtlSeconds' | 'statement'>
