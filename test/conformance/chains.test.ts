/**
 * One suite for every chain: each registered chain (and a throwaway chain that
 * only this file registers) meets the same cases through HTTP against the relay,
 * with real keys. A refusal must reach Snag zero times. A new chain is covered by
 * registering it (and its test kit, which the compiler asks for).
 */
import { describe, expect, it } from 'vitest'
import { chainOfSnagWallet } from '../../src/chains/server-face.js'
import { SERVER_CHAINS } from '../../src/chains/server-registry.js'
import { testchainKit } from '../fixtures/testchain/kit.js'
import { testchainServer } from '../fixtures/testchain/server.js'
import { CHAIN_TEST_URL, FLOW_ACCESS_NODE_URL, standInFetch, ULTRA_RPC_URL } from '../support/chain-standins.js'
import { KITS, type Alteration, type ChainKit } from '../support/kits.js'
import { OTHER_ORIGIN, errorOf, harness, type Harness } from '../support/harness.js'

const CHAINS = [...Object.values(SERVER_CHAINS), testchainServer]
const SUITES: ChainKit[] = [...Object.values(KITS), testchainKit]

const connects = (h: Harness) => h.emulator.calls.filter((call) => call.path === '/api/users/connect').length

/** Asks a challenge for a fresh wallet of `kit`, proves it (altered), and links it. */
async function attempt(
  h: Harness,
  kit: ChainKit,
  { alter, from, walletAddress, before }: { alter?: Alteration; from?: string; walletAddress?: string; before?: () => void } = {},
) {
  const wallet = kit.wallet()
  const challenge = await h.challenge(wallet.challengeRequest())
  const verificationData = await wallet.prove(challenge, alter)
  before?.()
  const body = { walletType: kit.id, walletAddress: walletAddress ?? wallet.address, verificationData }
  return { wallet, body, response: await h.post('/v1/link', body, from ? { origin: from } : {}) }
}

/**
 * An empty EVM chain standing in for Abstract's and Immutable zkEVM's RPC (which
 * agw and imx need to be enabled): it has no contracts, so only plain keys prove.
 */
const emptyChain = async (input: unknown, init?: RequestInit) => {
  if (String(input).startsWith(CHAIN_TEST_URL)) return standInFetch(input as string, init)
  const { id, method } = JSON.parse(String(init?.body))
  const result = method === 'eth_getCode' ? '0x' : null
  return Response.json(
    result === null ? { jsonrpc: '2.0', id, error: { code: -32601, message: 'not here' } } : { jsonrpc: '2.0', id, result },
  )
}
const EVERY_CHAIN = {
  CHAINS: CHAINS.map((chain) => chain.spec.id).join(','),
  EVM_RPC_URLS: '2741=http://abstract.rpc.test,13371=http://immutable.rpc.test',
  ULTRA_RPC_URL,
  FLOW_ACCESS_NODE_URL,
}

for (const kit of SUITES) {
  describe(`conformance: ${kit.id}`, () => {
    const make = () => harness({ chains: CHAINS, env: EVERY_CHAIN, rpcFetch: emptyChain })

    it('links a valid proof once, recorded upstream under Snag’s walletType for the chain', async () => {
      const h = make()
      const { wallet, response } = await attempt(h, kit)
      expect(response.status).toBe(200)
      const [user] = h.emulator.state.snapshot().users
      const spec = CHAINS.find((chain) => chain.spec.id === kit.id)!.spec
      expect(user).toMatchObject({ walletType: spec.walletType })
      expect(((await response.json()) as { wallet: { walletType: string } }).wallet.walletType).toBe(kit.id)
      const canonical = CHAINS.find((chain) => chain.spec.id === kit.id)!.canonicalAddress
      expect(canonical(user!.walletAddress)).toBe(canonical(wallet.address))
      expect(connects(h)).toBe(1)
    })

    it('refuses the same proof sent again', async () => {
      const h = make()
      const { body } = await attempt(h, kit)
      expect(await errorOf(await h.post('/v1/link', body))).toMatchObject({ code: 'challenge_unknown' })
      expect(connects(h)).toBe(1)
    })

    const refusals: [string, (h: Harness) => Promise<Response>, string][] = [
      [
        'a proof sent after its challenge expired',
        async (h) => (await attempt(h, kit, { before: () => h.clock.advance(h.config.challengeTtlSeconds * 1000) })).response,
        'challenge_expired',
      ],
      [
        'a proof sent from another allowed origin than its challenge’s',
        async (h) => (await attempt(h, kit, { from: OTHER_ORIGIN })).response,
        'domain_mismatch',
      ],
      [
        'a proof bound to another domain',
        async (h) => (await attempt(h, kit, { alter: { domain: 'evil.example' } })).response,
        'domain_mismatch',
      ],
      [
        'a proof claiming another wallet’s address',
        async (h) => (await attempt(h, kit, { walletAddress: kit.wallet().address })).response,
        'address_mismatch',
      ],
      ['a signature by another key', async (h) => (await attempt(h, kit, { alter: { otherKey: true } })).response, 'signature_invalid'],
      [
        'a proof naming another network',
        async (h) => (await attempt(h, kit, { alter: { otherNetwork: true } })).response,
        'chain_not_allowed',
      ],
    ]
    for (const [name, act, code] of refusals)
      it(`refuses ${name} with ${code}, Snag never asked`, async () => {
        const h = make()
        expect(await errorOf(await act(h))).toMatchObject({ code })
        expect(connects(h)).toBe(0)
        expect(h.emulator.state.snapshot().users).toEqual([])
      })
  })
}

describe('a chain registered only here', () => {
  it('shares a Snag walletType with a registered chain, told apart by its addresses', () => {
    const sharing = Object.values(SERVER_CHAINS).filter((chain) => chain.spec.walletType === testchainServer.spec.walletType)
    expect(sharing).toHaveLength(1)
    const ours = testchainKit.wallet().address
    const theirs = KITS[sharing[0]!.spec.id as keyof typeof KITS].wallet().address
    expect([sharing[0]!.canonicalAddress(ours), testchainServer.canonicalAddress(theirs)]).toEqual([undefined, undefined])
    expect(chainOfSnagWallet(CHAINS, testchainServer.spec.walletType, ours)).toBe(testchainServer)
    expect(chainOfSnagWallet(CHAINS, testchainServer.spec.walletType, theirs)).toBe(sharing[0])
  })

  it('is offered by /v1/config with its public settings', async () => {
    const h = harness({ chains: CHAINS, env: { TESTCHAIN_NETWORK: 'alpha' } })
    const config = (await (await h.get('/v1/config')).json()) as Record<string, unknown>
    expect(config.chains).toContain('testchain')
    expect(config.testchain).toEqual({ network: 'alpha' })
  })

  it('has its environment variables checked with the relay’s', async () => {
    expect(() => harness({ chains: CHAINS, env: { TESTCHAIN_NETWORK: 'gamma' } })).toThrow(/TESTCHAIN_NETWORK/)
    expect(() => harness({ chains: CHAINS, env: { CHAINS: 'testchain' } })).not.toThrow()
  })

  it('is refused by a relay that has not registered it', async () => {
    const h = harness()
    const wallet = testchainKit.wallet()
    const response = await h.post('/v1/challenge', wallet.challengeRequest())
    expect(await errorOf(response)).toMatchObject({ code: 'invalid_request' })
  })
})
