import { describe, expect, it } from 'vitest'
import { CHAIN_IDS, CHAINS } from '../chains/registry.js'
import type { AnyChainSpec } from '../chains/spec.js'
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
      // Every registered chain but those enabled only by name, each with its own settings (the three first ones checked here).
      chains: CHAIN_IDS.filter((id) => (CHAINS[id] as AnyChainSpec).enabledByDefault !== false),
      chainSettings: expect.objectContaining({
        evm: { chainIds: [1], rpcUrls: {} },
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

describe('EVM RPC endpoints and the contract-account chains (agw, imx)', () => {
  it('reads EVM_RPC_URLS as chainId=url pairs, giving each EVM-family chain the endpoints of its own chain ids', () => {
    const config = loadConfig({
      ...valid,
      CHAINS: 'evm,agw,imx',
      EVM_CHAIN_IDS: '1,8453',
      EVM_RPC_URLS:
        '1=https://eth.rpc.example, 8453=https://base.rpc.example/key,2741=https://abstract.rpc.example,13371=http://10.0.0.2:8545',
    })
    expect(config.chainSettings.evm).toMatchObject({ chainIds: [1, 8453] })
    expect(config.chainSettings.agw).toMatchObject({ chainIds: [2741] })
    expect(config.chainSettings.imx).toMatchObject({ chainIds: [13371] })
    expect(config.rpc.urls).toEqual({
      '1': 'https://eth.rpc.example',
      '8453': 'https://base.rpc.example/key',
      '2741': 'https://abstract.rpc.example',
      '13371': 'http://10.0.0.2:8545',
    })
  })

  it('takes AGW_CHAIN_ID and IMX_CHAIN_ID from the environment', () => {
    const config = loadConfig({
      ...valid,
      CHAINS: 'agw,imx',
      AGW_CHAIN_ID: '11124',
      IMX_CHAIN_ID: '13473',
      EVM_RPC_URLS: '11124=https://a.test,13473=https://i.test',
    })
    expect(config.chainSettings.agw).toMatchObject({ chainIds: [11124] })
    expect(config.chainSettings.imx).toMatchObject({ chainIds: [13473] })
  })

  it('does not enable agw or imx unless CHAINS names them, and refuses them without an endpoint for their chain', () => {
    expect(loadConfig(valid).chains).not.toContain('agw')
    expect(problems({ ...valid, CHAINS: 'evm,agw', EVM_RPC_URLS: '1=https://eth.rpc.example' })).toEqual([
      'EVM_RPC_URLS has no endpoint for AGW_CHAIN_ID 2741: Abstract Global Wallet accounts are contracts, checked on their chain',
    ])
  })

  it('says which EVM_RPC_URLS entry is wrong, and what AGW_CHAIN_ID must be', () => {
    expect(problems({ ...valid, EVM_RPC_URLS: '1=https://ok.example,base=https://x.example' })).toEqual([
      'EVM_RPC_URLS must be chainId=url pairs, comma-separated, each url http(s); entry 2 is not',
    ])
    expect(problems({ ...valid, EVM_RPC_URLS: '1=ftp://x.example' })).toHaveLength(1)
    expect(problems({ ...valid, CHAINS: 'agw', AGW_CHAIN_ID: 'abstract' })).toEqual(['AGW_CHAIN_ID must be a positive chain id'])
  })
})
