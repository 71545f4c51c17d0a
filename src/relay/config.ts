/**
 * The relay's configuration, read from environment variables and validated
 * once at start. Nothing else in the relay reads `process.env`.
 */
import { z } from 'zod'
import { list } from '../chains/bounded.js'
import { CHAINS, type ChainId } from '../chains/registry.js'
import type { AnyChainSpec } from '../chains/spec.js'
import type { HostTokenSettings } from './host-token.js'
import type { RateLimits } from './rate-limit.js'

export const SNAG_PRODUCTION_URL = 'https://admin.snagsolutions.io/'
export const VELT_PRODUCTION_URL = 'https://api.velt.dev/'

/** An origin exactly as browsers send it: scheme://host[:port], nothing more. */
const Origin = z.string().refine((value) => {
  try {
    return new URL(value).origin === value
  } catch {
    return false
  }
}, 'must be an origin such as https://app.example (scheme, host and port only, no trailing slash)')

const HttpUrl = z.string().refine((value) => /^https?:\/\//.test(value) && URL.canParse(value), 'must be an http(s) URL')

const Int = (min: number, max: number) => {
  const error = `must be a whole number from ${min} to ${max}`
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error })
}

/** The relay's own environment variables; each chain adds its own (see `relayEnv`). */
export const RelayEnv = z.object({
  PORT: Int(0, 65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: HttpUrl.optional(),
  ALLOWED_ORIGINS: z
    .string({ error: 'is required: a comma-separated list of the origins that may use the relay' })
    .transform(list)
    .pipe(z.array(Origin).min(1, 'must name at least one origin')),
  SNAG_API_URL: HttpUrl.default(SNAG_PRODUCTION_URL),
  SNAG_API_KEY: z.string({ error: 'is required' }).min(1, 'is required'),
  SNAG_WEBSITE_ID: z.guid({ error: 'must be the website id (a UUID) from Snag' }),
  SNAG_ORGANIZATION_ID: z.guid({ error: 'must be the organization id (a UUID) from Snag' }),
  SNAG_TIMEOUT_MS: Int(100, 60_000).default(8000),
  SIDE_EFFECT_TIMEOUT_MS: Int(100, 60_000).default(4000),
  CHALLENGE_TTL_SECONDS: Int(30, 3600).default(300),
  REDIS_URL: z
    .string()
    .refine((value) => /^rediss?:\/\//.test(value) && URL.canParse(value), 'must be a redis:// or rediss:// URL')
    .optional(),
  RATE_LIMIT_IP_PER_MINUTE: Int(1, 100_000).default(60),
  RATE_LIMIT_WALLET_PER_MINUTE: Int(1, 100_000).default(10),
  RATE_LIMIT_SESSION_PER_MINUTE: Int(1, 100_000).default(60),
  CHALLENGE_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  RPC_TIMEOUT_MS: Int(100, 60_000).default(3000),
  TRUST_PROXY_HOPS: Int(0, 10).default(0),
  SESSION_TTL_SECONDS: Int(60, 7 * 24 * 3600).default(3600),
  HOST_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters (an HS256 secret shared with your backend)').optional(),
  HOST_TOKEN_AUDIENCE: z.string().min(1).max(255).optional(),
  HOST_TOKEN_ISSUER: z.string().min(1).max(255).optional(),
  HOST_TOKEN_MAX_LIFETIME_SECONDS: Int(30, 24 * 3600).default(900),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters (the bearer token a Prometheus scraper sends)').optional(),
  VELT_API_URL: HttpUrl.default(VELT_PRODUCTION_URL),
  VELT_API_KEY: z.string().min(1).optional(),
  VELT_AUTH_TOKEN: z.string().min(1).optional(),
  VELT_ORGANIZATION_ID: z.string().min(1).optional(),
  VELT_USER_GROUP_ID: z.string().min(1).optional(),
  SIGN_IN_STATEMENT: z
    .string()
    .min(1)
    .refine((value) => !value.includes('\n'), 'must be one line')
    .default('Link this wallet to your account.'),
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
  return RelayEnv.extend({
    CHAINS: z
      .string()
      .default(
        specs
          .filter((spec) => spec.enabledByDefault !== false)
          .map((spec) => spec.id)
          .join(','),
      )
      .transform(list)
      .pipe(
        z
          .array(z.string().refine((id) => ids.includes(id), `must name chains among ${ids.join(', ')}`))
          .min(1, 'must name at least one chain'),
      ),
    VERIFIED_BY_RELAY: z
      .string()
      .default(
        specs
          .filter((spec) => !spec.snagVerifies)
          .map((spec) => spec.id)
          .join(','),
      )
      .transform(list)
      .pipe(z.array(z.string().refine((id) => ids.includes(id), `must name chains among ${ids.join(', ')}`))),
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
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: Int(0, 65535).optional(),
  PUBLIC_URL: HttpUrl.optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  EMULATOR_PORT: Int(0, 65535).default(0),
  EMULATOR_VERIFY_SIGNATURES: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('true')
    .transform((value) => value === 'true'),
  VELT_USER_GROUP_ID: z.string().min(1).default('link-wallet-demo'),
})

export type NodeConfig = z.infer<typeof NodeEnv>

/** The credentials an emulator expects, when the environment names them (fresh random ones otherwise). */
export const EmulatorEnv = z.object({
  SNAG_API_KEY: z.string().min(1).optional(),
  SNAG_WEBSITE_ID: z.guid({ error: 'must be the website id (a UUID) from Snag' }).optional(),
  SNAG_ORGANIZATION_ID: z.guid({ error: 'must be the organization id (a UUID) from Snag' }).optional(),
  VELT_API_KEY: z.string().min(1).optional(),
  VELT_AUTH_TOKEN: z.string().min(1).optional(),
  VELT_ORGANIZATION_ID: z.string().min(1).optional(),
})

export type EmulatorCredentials = z.infer<typeof EmulatorEnv>

function parse<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.infer<S> {
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
