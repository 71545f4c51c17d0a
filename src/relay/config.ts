/**
 * The relay's configuration, read from environment variables and validated
 * once at start. Nothing else in the relay reads `process.env`.
 */
import { z } from 'zod/mini'
import './zod-english.js'
import { list } from '../chains/bounded.js'
import { CHAINS, type ChainId } from '../chains/registry.js'
import { HttpUrl, type AnyChainSpec } from '../chains/spec.js'
import type { HostTokenSettings } from './host-token.js'
import type { RateLimits } from './rate-limit.js'

export const SNAG_PRODUCTION_URL = 'https://admin.snagsolutions.io/'
export const VELT_PRODUCTION_URL = 'https://api.velt.dev/'

/** An origin exactly as browsers send it: scheme://host[:port], nothing more. */
const Origin = z.string().check(
  z.refine((value) => {
    try {
      return new URL(value).origin === value
    } catch {
      return false
    }
  }, 'must be an origin such as https://app.example (scheme, host and port only, no trailing slash)'),
)

const Int = (min: number, max: number) => {
  const error = `must be a whole number from ${min} to ${max}`
  return z.coerce.number({ error }).check(z.int({ error }), z.gte(min, { error }), z.lte(max, { error }))
}

/** A string of at least `min` characters (`error` when shorter). */
const Text = (min = 1, error?: string) => z.string().check(z.minLength(min, error))
/** Comma-separated values, each checked by `item`; `required` says what is wrong when the variable is unset. */
const List = <T extends z.ZodMiniType<string, string>>(
  item: T,
  { min, required }: { min?: { length: number; error: string }; required?: string } = {},
) =>
  z.pipe(
    z.pipe(z.string(required === undefined ? undefined : { error: required }), z.transform(list)),
    z.array(item).check(...(min ? [z.minLength(min.length, min.error)] : [])),
  )

/** The relay's own environment variables; each chain adds its own (see `relayEnv`). */
export const RelayEnv = z.object({
  PORT: z._default(Int(0, 65535), 8787),
  HOST: z._default(Text(), '127.0.0.1'),
  PUBLIC_URL: z.optional(HttpUrl),
  ALLOWED_ORIGINS: List(Origin, {
    min: { length: 1, error: 'must name at least one origin' },
    required: 'is required: a comma-separated list of the origins that may use the relay',
  }),
  SNAG_API_URL: z._default(HttpUrl, SNAG_PRODUCTION_URL),
  SNAG_API_KEY: z.string({ error: 'is required' }).check(z.minLength(1, 'is required')),
  SNAG_WEBSITE_ID: z.guid({ error: 'must be the website id (a UUID) from Snag' }),
  SNAG_ORGANIZATION_ID: z.guid({ error: 'must be the organization id (a UUID) from Snag' }),
  SNAG_TIMEOUT_MS: z._default(Int(100, 60_000), 8000),
  SIDE_EFFECT_TIMEOUT_MS: z._default(Int(100, 60_000), 4000),
  CHALLENGE_TTL_SECONDS: z._default(Int(30, 3600), 300),
  REDIS_URL: z.optional(
    z.string().check(z.refine((value) => /^rediss?:\/\//.test(value) && URL.canParse(value), 'must be a redis:// or rediss:// URL')),
  ),
  RATE_LIMIT_IP_PER_MINUTE: z._default(Int(1, 100_000), 60),
  RATE_LIMIT_WALLET_PER_MINUTE: z._default(Int(1, 100_000), 10),
  RATE_LIMIT_SESSION_PER_MINUTE: z._default(Int(1, 100_000), 60),
  CHALLENGE_SECRET: z.optional(Text(32, 'must be at least 32 characters')),
  RPC_TIMEOUT_MS: z._default(Int(100, 60_000), 3000),
  TRUST_PROXY_HOPS: z._default(Int(0, 10), 0),
  SESSION_TTL_SECONDS: z._default(Int(60, 7 * 24 * 3600), 3600),
  HOST_TOKEN_SECRET: z.optional(Text(32, 'must be at least 32 characters (an HS256 secret shared with your backend)')),
  HOST_TOKEN_AUDIENCE: z.optional(Text().check(z.maxLength(255))),
  HOST_TOKEN_ISSUER: z.optional(Text().check(z.maxLength(255))),
  HOST_TOKEN_MAX_LIFETIME_SECONDS: z._default(Int(30, 24 * 3600), 900),
  METRICS_TOKEN: z.optional(Text(16, 'must be at least 16 characters (the bearer token a Prometheus scraper sends)')),
  VELT_API_URL: z._default(HttpUrl, VELT_PRODUCTION_URL),
  VELT_API_KEY: z.optional(Text()),
  VELT_AUTH_TOKEN: z.optional(Text()),
  VELT_ORGANIZATION_ID: z.optional(Text()),
  VELT_USER_GROUP_ID: z.optional(Text()),
  SIGN_IN_STATEMENT: z._default(
    Text().check(z.refine((value) => !value.includes('\n'), 'must be one line')),
    'Link this wallet to your account.',
  ),
})

export type RelayConfig = {
  port: number
  host: string
  /**
   * The URL the relay is reached at from the internet (what TON wallets fetch the
   * manifest from). The Node server uses the address it listens on without it;
   * never the request's Host header.
   */
  publicUrl?: string | undefined
  allowedOrigins: string[]
  snag: { apiUrl: string; apiKey: string; websiteId: string; organizationId: string; timeoutMs: number }
  /** The enabled chains (CHAINS), and each one's settings from its own variables. */
  chains: ChainId[]
  chainSettings: Record<string, unknown>
  /** The chains whose proofs the relay tells Snag it verified (`verifiedLocally`). */
  verifiedByRelay: string[]
  challengeTtlSeconds: number
  statement: string
  sessionTtlSeconds: number
  /** How long a link waits for each side effect (host metadata, Velt), retries included. */
  sideEffectTimeoutMs: number
  /** Shared state for several instances; memory (one process) when absent. */
  redisUrl?: string | undefined
  rateLimits: RateLimits
  /** Key material for the challenges' MAC: CHALLENGE_SECRET, or else the Snag API key (shared by every instance). */
  challengeSecret: string
  /** The RPC endpoints verifiers may ask, per chain reference, and their deadline. */
  rpc: { urls: Record<string, string>; timeoutMs: number }
  /** Reverse proxies in front of the relay whose X-Forwarded-For entries are trusted. */
  trustProxyHops: number
  /** How host tokens are checked (HS256 secret, audience, issuer, lifetime); without it, host tokens are refused. */
  hostToken?: HostTokenSettings | undefined
  /** The bearer token `GET /metrics` asks for; without it there is no /metrics. */
  metricsToken?: string | undefined
  /** Velt sync, when all four VELT_* values are set. */
  velt?: { apiUrl: string; apiKey: string; authToken: string; organizationId: string; userGroupId: string; timeoutMs: number } | undefined
}

const VELT_KEYS = ['VELT_API_KEY', 'VELT_AUTH_TOKEN', 'VELT_ORGANIZATION_ID', 'VELT_USER_GROUP_ID'] as const

/** Thrown with one line per wrong variable; never includes a variable's value. */
export class ConfigError extends Error {
  override name = 'ConfigError'
  constructor(readonly problems: string[]) {
    super(`The relay's configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  }
}

/** The relay's variables and those of every chain in `specs`, CHAINS naming some of them (all by default). */
export function relayEnv(specs: readonly AnyChainSpec[]) {
  const ids = specs.map((spec) => spec.id)
  const known = z.string().check(z.refine((id) => ids.includes(id), `must name chains among ${ids.join(', ')}`))
  const idsOf = (keep: (spec: AnyChainSpec) => boolean) =>
    specs
      .filter(keep)
      .map((spec) => spec.id)
      .join(',')
  return z.extend(RelayEnv, {
    CHAINS: z.prefault(
      List(known, { min: { length: 1, error: 'must name at least one chain' } }),
      idsOf((spec) => spec.enabledByDefault !== false),
    ),
    VERIFIED_BY_RELAY: z.prefault(
      List(known),
      idsOf((spec) => !spec.snagVerifies),
    ),
    ...Object.fromEntries(specs.flatMap((spec) => Object.entries(spec.env).map(([name, variable]) => [name, variable.schema]))),
  })
}

export function loadConfig(env: Record<string, string | undefined>, specs: readonly AnyChainSpec[] = Object.values(CHAINS)): RelayConfig {
  const parsed = relayEnv(specs).safeParse(env)
  if (!parsed.success)
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`))
  const e = parsed.data as z.infer<typeof RelayEnv> & { CHAINS: ChainId[]; VERIFIED_BY_RELAY: string[] } & Record<string, unknown>
  const enabled = [...new Set(e.CHAINS)]
  const enabledSpecs = specs.filter((spec) => enabled.includes(spec.id as ChainId))
  const chainSettings = Object.fromEntries(enabledSpecs.map((spec) => [spec.id, spec.settings(e)]))
  const problems = enabledSpecs.flatMap((spec) => spec.problems?.(chainSettings[spec.id]) ?? [])
  if (problems.length) throw new ConfigError(problems)
  const veltSet = VELT_KEYS.filter((key) => e[key] !== undefined)
  if (veltSet.length && veltSet.length < VELT_KEYS.length)
    throw new ConfigError([
      `Velt sync needs all of ${VELT_KEYS.join(', ')}; missing ${VELT_KEYS.filter((k) => !veltSet.includes(k)).join(', ')}`,
    ])
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL,
    allowedOrigins: e.ALLOWED_ORIGINS,
    snag: {
      apiUrl: e.SNAG_API_URL,
      apiKey: e.SNAG_API_KEY,
      websiteId: e.SNAG_WEBSITE_ID,
      organizationId: e.SNAG_ORGANIZATION_ID,
      timeoutMs: e.SNAG_TIMEOUT_MS,
    },
    chains: enabled,
    chainSettings,
    verifiedByRelay: e.VERIFIED_BY_RELAY,
    challengeTtlSeconds: e.CHALLENGE_TTL_SECONDS,
    sideEffectTimeoutMs: e.SIDE_EFFECT_TIMEOUT_MS,
    statement: e.SIGN_IN_STATEMENT,
    sessionTtlSeconds: e.SESSION_TTL_SECONDS,
    redisUrl: e.REDIS_URL,
    rateLimits: {
      ipPerMinute: e.RATE_LIMIT_IP_PER_MINUTE,
      walletPerMinute: e.RATE_LIMIT_WALLET_PER_MINUTE,
      sessionPerMinute: e.RATE_LIMIT_SESSION_PER_MINUTE,
    },
    challengeSecret: e.CHALLENGE_SECRET ?? e.SNAG_API_KEY,
    rpc: {
      urls: Object.assign({}, ...enabledSpecs.map((spec) => spec.rpcUrls?.(chainSettings[spec.id]) ?? {})),
      timeoutMs: e.RPC_TIMEOUT_MS,
    },
    trustProxyHops: e.TRUST_PROXY_HOPS,
    metricsToken: e.METRICS_TOKEN,
    hostToken: e.HOST_TOKEN_SECRET
      ? {
          secret: e.HOST_TOKEN_SECRET,
          audience: e.HOST_TOKEN_AUDIENCE,
          issuer: e.HOST_TOKEN_ISSUER,
          maxLifetimeSeconds: e.HOST_TOKEN_MAX_LIFETIME_SECONDS,
        }
      : undefined,
    velt:
      e.VELT_API_KEY && e.VELT_AUTH_TOKEN && e.VELT_ORGANIZATION_ID && e.VELT_USER_GROUP_ID
        ? {
            apiUrl: e.VELT_API_URL,
            apiKey: e.VELT_API_KEY,
            authToken: e.VELT_AUTH_TOKEN,
            organizationId: e.VELT_ORGANIZATION_ID,
            userGroupId: e.VELT_USER_GROUP_ID,
            timeoutMs: e.SNAG_TIMEOUT_MS,
          }
        : undefined,
  }
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

/**
 * What the Node entry reads beside the relay's configuration: the log level, and
 * how to run the emulator (its port, its signature checks, the credentials it
 * expects when the relays it serves have them).
 */
export const NodeEnv = z.object({
  HOST: z._default(Text(), '127.0.0.1'),
  PORT: z.optional(Int(0, 65535)),
  PUBLIC_URL: z.optional(HttpUrl),
  LOG_LEVEL: z._default(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }), 'info'),
  EMULATOR_PORT: z._default(Int(0, 65535), 0),
  EMULATOR_VERIFY_SIGNATURES: z.pipe(
    z._default(z.enum(['true', 'false'], { error: 'must be true or false' }), 'true'),
    z.transform((value) => value === 'true'),
  ),
  VELT_USER_GROUP_ID: z._default(Text(), 'link-wallet-demo'),
})

export type NodeConfig = z.infer<typeof NodeEnv>

/** The credentials an emulator expects, when the environment names them (fresh random ones otherwise). */
export const EmulatorEnv = z.object({
  SNAG_API_KEY: z.optional(Text()),
  SNAG_WEBSITE_ID: z.optional(z.guid({ error: 'must be the website id (a UUID) from Snag' })),
  SNAG_ORGANIZATION_ID: z.optional(z.guid({ error: 'must be the organization id (a UUID) from Snag' })),
  VELT_API_KEY: z.optional(Text()),
  VELT_AUTH_TOKEN: z.optional(Text()),
  VELT_ORGANIZATION_ID: z.optional(Text()),
})

export type EmulatorCredentials = z.infer<typeof EmulatorEnv>

function parse<S extends z.ZodMiniType>(schema: S, env: Record<string, string | undefined>): z.infer<S> {
  const parsed = schema.safeParse(env)
  if (!parsed.success)
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`))
  return parsed.data
}

export const loadNodeConfig = (env: Record<string, string | undefined>): NodeConfig => parse(NodeEnv, env)
export const loadEmulatorCredentials = (env: Record<string, string | undefined>): EmulatorCredentials => parse(EmulatorEnv, env)

/** Runs each load, reporting every problem of all of them at once. */
export function loadTogether<T extends unknown[]>(...loads: { [K in keyof T]: () => T[K] }): T {
  const problems: string[] = []
  const results = loads.map((load) => {
    try {
      return load()
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      problems.push(...error.problems)
      return undefined
    }
  })
  if (problems.length) throw new ConfigError([...new Set(problems)])
  return results as T
}
