/**
 * A relay wired to an in-process emulator, with a clock the test moves.
 * No network and no mocks: the relay's Snag client talks HTTP to the emulator app.
 */
import { expect, it } from 'vitest'
import type { AnyServerChain } from '../../src/chains/server-face.js'
import { SERVER_CHAINS } from '../../src/chains/server-registry.js'
import { createEmulator, type EmulatorOptions } from '../../src/emulator/app.js'
import type { ChallengeRequest, ChallengeResponse, LinkRequest } from '../../src/protocol/relay.js'
import { createRelayApp } from '../../src/relay/app.js'
import { loadConfig } from '../../src/relay/config.js'
import { createMemoryStore } from '../../src/relay/stores/memory.js'
import type { Store } from '../../src/relay/stores/types.js'
import type { FetchLike } from '../../src/upstream/http.js'
import type { Logger } from '../../src/upstream/logger.js'
import type { TestEvmWallet } from './evm.js'
import type { TestSolanaWallet } from './solana.js'
import type { TestTonWallet, TonProofOverrides } from './ton.js'

export const ORIGIN = 'https://app.example'
export const OTHER_ORIGIN = 'https://other.example'
export const SNAG_URL = 'https://snag.emulator.test/'
export const START = Date.parse('2026-11-22T12:00:00.000Z')

export type HarnessOptions = {
  env?: Record<string, string>
  /** The chains relay and emulator know: the registry's by default. */
  chains?: readonly AnyServerChain[]
  emulator?: EmulatorOptions
  logger?: Logger
  /** How the relay reaches chains' RPC endpoints (the global fetch by default). */
  rpcFetch?: FetchLike
  /** What the relay's store becomes around the harness's memory store (e.g. one that answers after a while). */
  store?: (memory: Store) => Store
}

export function harness(options: HarnessOptions = {}) {
  let time = START
  const clock = {
    now: () => time,
    advance: (ms: number) => {
      time += ms
    },
    set: (ms: number) => {
      time = ms
    },
  }
  const chains = options.chains ?? Object.values(SERVER_CHAINS)
  const emulator = createEmulator({ ...options.emulator, now: clock.now, chains })
  const config = loadConfig(
    {
      ALLOWED_ORIGINS: `${ORIGIN},${OTHER_ORIGIN}`,
      SNAG_API_URL: SNAG_URL,
      RATE_LIMIT_IP_PER_MINUTE: '10000',
      RATE_LIMIT_WALLET_PER_MINUTE: '10000',
      SNAG_API_KEY: emulator.settings.snag.apiKey,
      SNAG_WEBSITE_ID: emulator.settings.snag.websiteId,
      SNAG_ORGANIZATION_ID: emulator.settings.snag.organizationId,
      EVM_CHAIN_IDS: '1,8453',
      ...options.env,
    },
    chains.map((chain) => chain.spec),
  )
  const store = createMemoryStore({ now: clock.now })
  const app = createRelayApp({
    config,
    store: options.store?.(store) ?? store,
    chains,
    fetch: emulator.fetch,
    rpcFetch: options.rpcFetch,
    now: clock.now,
    logger: options.logger,
    // Tests say which client they are; the Node server reads the socket.
    clientIp: (c) => c.req.header('x-test-client-ip') ?? '203.0.113.1',
  })

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })

  async function challenge(body: ChallengeRequest, headers?: Record<string, string>): Promise<ChallengeResponse> {
    const response = await post('/v1/challenge', body, headers)
    if (response.status !== 200) throw new Error(`challenge answered ${response.status}: ${await response.text()}`)
    return (await response.json()) as ChallengeResponse
  }

  /** Ask a challenge for `wallet`, sign it (optionally altered) and send the link request. */
  async function linkEvm(
    wallet: TestEvmWallet,
    alter: {
      overrides?: Parameters<TestEvmWallet['prove']>[1]
      signature?: string
      request?: Partial<LinkRequest>
      headers?: Record<string, string>
    } = {},
  ) {
    const issued = await challenge({ walletType: 'evm', address: wallet.address, chainId: 1 })
    const proof = await wallet.prove(issued, alter.overrides)
    const body = {
      walletType: 'evm',
      walletAddress: wallet.address,
      verificationData: { message: proof.message, signature: alter.signature ?? proof.signature },
      ...alter.request,
    } as Extract<LinkRequest, { walletType: 'evm' }>
    return { challenge: issued, body, response: await post('/v1/link', body, alter.headers) }
  }

  /** The same for Solana: a challenge without address (as `solana:signIn` asks it), a SIWS proof. */
  async function linkSolana(
    wallet: TestSolanaWallet,
    alter: {
      overrides?: Parameters<TestSolanaWallet['prove']>[1]
      message?: (message: string) => string
      signature?: string
      request?: Partial<LinkRequest>
      headers?: Record<string, string>
    } = {},
  ) {
    const issued = await challenge({ walletType: 'solana' })
    const proof = wallet.prove(issued, alter.overrides)
    const message = alter.message?.(proof.message) ?? proof.message
    const signature = alter.signature ?? (message === proof.message ? proof.signature : wallet.sign(message))
    const body = {
      walletType: 'solana',
      walletAddress: wallet.address,
      verificationData: { message, signature },
      ...alter.request,
    } as Extract<LinkRequest, { walletType: 'solana' }>
    return { challenge: issued, body, response: await post('/v1/link', body, alter.headers) }
  }

  /** The same for TON: a challenge whose nonce is the ton_proof payload, answered by the wallet. */
  async function linkTon(
    wallet: TestTonWallet,
    alter: { overrides?: TonProofOverrides; request?: Partial<LinkRequest>; headers?: Record<string, string> } = {},
  ) {
    const issued = await challenge({ walletType: 'ton' })
    const body = {
      walletType: 'ton',
      walletAddress: wallet.address,
      verificationData: { tonVerification: wallet.prove(issued, alter.overrides) },
      ...alter.request,
    } as Extract<LinkRequest, { walletType: 'ton' }>
    return { challenge: issued, body, response: await post('/v1/link', body, alter.headers) }
  }

  const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers: { origin: ORIGIN, ...headers } })

  /** Calls the emulated Snag connect directly, with the relay's credentials, as the relay would. */
  const snagConnect = (body: Record<string, unknown>) => {
    const { apiKey, websiteId, organizationId } = emulator.settings.snag
    return emulator.fetch(new URL('api/users/connect', SNAG_URL), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-API-KEY': apiKey },
      body: JSON.stringify({ websiteId, organizationId, ...body }),
    })
  }

  /** Records, from now on, the bodies Snag's connect receives. */
  function connectBodies(): unknown[] {
    const seen: unknown[] = []
    const original = emulator.app.fetch
    emulator.app.fetch = async (request: Request, ...rest) => {
      if (new URL(request.url).pathname === '/api/users/connect') seen.push(await request.clone().json())
      return original(request, ...rest)
    }
    return seen
  }

  /** Any request, with the page's origin unless `headers` name another. */
  const request = (method: string, path: string, headers: Record<string, string> = {}) =>
    app.request(path, { method, headers: { origin: ORIGIN, ...headers } })

  return { app, store, emulator, config, clock, post, get, request, snagConnect, connectBodies, challenge, linkEvm, linkSolana, linkTon }
}

export type Harness = ReturnType<typeof harness>
export type Refusal = [name: string, act: (h: Harness) => Promise<Response>, code: string]

/** One test per refusal: the relay answers `code`, and Snag was never asked to link anything. */
export function itRefuses(refusals: Refusal[], options: HarnessOptions = {}): void {
  for (const [name, act, code] of refusals) {
    it(`refuses ${name}`, async () => {
      const h = harness(options)
      expect(await errorOf(await act(h))).toMatchObject({ code })
      expect(h.emulator.state.snapshot().users).toEqual([])
    })
  }
}

export const bearer = (session: string) => ({ authorization: `Bearer ${session}` })

/** The relay's error body, asserted to be its one shape. */
export async function errorOf(response: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await response.json()) as { error: { code: string; message: string } }
  return { status: response.status, code: body.error.code, message: body.error.message }
}
