import { describe, expect, it } from 'vitest'
import { CHAIN_IDS, CHAINS } from '../chains/registry.js'
import { ConfigError, loadConfig } from './config.js'

const valid = {
  ALLOWED_ORIGINS: 'https://app.example, http://localhost:5173',
  SNAG_API_KEY: 'key-from-vault',
  SNAG_WEBSITE_ID: '123e4567-e89b-12d3-a456-426614174000',
  SNAG_ORGANIZATION_ID: '123e4567-e89b-12d3-a456-426614174001',
}

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) return error.problems
    throw error
  }
  return []
}

describe('relay configuration', () => {
  it('reads a complete environment with defaults for the rest', () => {
    expect(loadConfig(valid)).toEqual({
      port: 8787,
      host: '127.0.0.1',
      publicUrl: undefined,
      allowedOrigins: ['https://app.example', 'http://localhost:5173'],
      snag: {
        apiUrl: 'https://admin.snagsolutions.io/',
        apiKey: 'key-from-vault',
        websiteId: valid.SNAG_WEBSITE_ID,
        organizationId: valid.SNAG_ORGANIZATION_ID,
        timeoutMs: 8000,
      },
      // Every registered chain, each with its own settings (the three first ones checked here).
      chains: CHAIN_IDS,
      chainSettings: expect.objectContaining({
        evm: { chainIds: [1] },
        solana: { chain: 'mainnet' },
        ton: { network: '-239', app: { name: 'link-wallet', iconUrl: undefined } },
      }),
      verifiedByRelay: Object.values(CHAINS)
        .filter((spec) => !spec.snagVerifies)
        .map((spec) => spec.id),
      challengeTtlSeconds: 300,
      sideEffectTimeoutMs: 4000,
      statement: 'Link this wallet to your account.',
      sessionTtlSeconds: 3600,
      redisUrl: undefined,
      rateLimits: { ipPerMinute: 60, walletPerMinute: 10, sessionPerMinute: 60 },
      challengeSecret: 'key-from-vault',
      rpc: { urls: {}, timeoutMs: 3000 },
      trustProxyHops: 0,
      hostToken: undefined,
      velt: undefined,
    })
  })

  it('says what is wrong with each variable, never echoing a value', () => {
    const found = problems({
      ALLOWED_ORIGINS: 'https://app.example/path',
      SNAG_API_KEY: '',
      PORT: '99999',
      CHAINS: 'evm,btc',
      EVM_CHAIN_IDS: 'one',
    })
    expect(found).toEqual([
      expect.stringMatching(/^PORT /),
      expect.stringMatching(/^ALLOWED_ORIGINS\.0 must be an origin/),
      'SNAG_API_KEY is required',
      expect.stringMatching(/^SNAG_WEBSITE_ID /),
      expect.stringMatching(/^SNAG_ORGANIZATION_ID /),
      expect.stringMatching(/^CHAINS\.1 /),
      expect.stringMatching(/^EVM_CHAIN_IDS must be comma-separated positive chain ids/),
    ])
    expect(found.join('\n')).not.toContain('app.example/path')
  })

  it('refuses an upstream URL that is not http(s) and a multi-line statement', () => {
    expect(problems({ ...valid, SNAG_API_URL: 'ftp://snag' })).toEqual(['SNAG_API_URL must be an http(s) URL'])
    expect(problems({ ...valid, SIGN_IN_STATEMENT: 'a\nb' })).toEqual(['SIGN_IN_STATEMENT must be one line'])
  })
})
