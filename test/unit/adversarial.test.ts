/**
 * The adversarial suite: forged, replayed, expired, mis-bound and malformed proofs
 * on every chain; hostile bodies, headers and origins; upstream failures; races.
 * Each case asserts the exact code and how many times Snag's connect was called.
 */
import { sign } from 'hono/jwt'
import { describe, expect, it } from 'vitest'
import type { LinkResponse } from '../../src/protocol/relay.js'
import { evmWallet } from '../support/evm.js'
import { OTHER_ORIGIN, ORIGIN, START, bearer, errorOf, harness, type Harness } from '../support/harness.js'
import { solanaWallet } from '../support/solana.js'
import { tonWallet } from '../support/ton.js'

type Case = {
  name: string
  act: (h: Harness) => Promise<Response>
  code: string
  /** How many times Snag's connect is called while the case runs. */
  connects: number
  env?: Record<string, string>
}

const connectCalls = (h: Harness) => h.emulator.calls.filter((call) => call.path === '/api/users/connect').length

const raw = (h: Harness, body: BodyInit, headers: Record<string, string>) => h.app.request('/v1/link', { method: 'POST', headers, body })

const cases: Case[] = [
  // ── forged, replayed, expired, mis-bound, malformed proofs ──
  {
    name: 'an EVM signature made by another key',
    act: async (h) => {
      const wallet = evmWallet()
      const proof = await wallet.prove(await h.challenge({ walletType: 'evm', chainId: 1 }))
      const forged = await evmWallet().sign(proof.message)
      return h.post('/v1/link', { walletType: 'evm', walletAddress: wallet.address, verificationData: { ...proof, signature: forged } })
    },
    code: 'signature_invalid',
    connects: 0,
  },
  {
    name: 'a replayed EVM proof',
    act: async (h) => {
      const { body } = await h.linkEvm(evmWallet())
      return h.post('/v1/link', body)
    },
    code: 'challenge_unknown',
    connects: 1,
  },
  {
    name: 'an EVM proof sent after its challenge expired',
    act: async (h) => {
      const wallet = evmWallet()
      const proof = await wallet.prove(await h.challenge({ walletType: 'evm', chainId: 1 }))
      h.clock.advance(301_000)
      return h.post('/v1/link', { walletType: 'evm', walletAddress: wallet.address, verificationData: proof })
    },
    code: 'challenge_expired',
    connects: 0,
  },
  {
    name: 'an EVM message bound to another domain',
    act: async (h) => (await h.linkEvm(evmWallet(), { overrides: { domain: 'evil.example' } })).response,
    code: 'domain_mismatch',
    connects: 0,
  },
  {
    name: 'an EVM proof relayed from another allowed origin',
    act: async (h) => (await h.linkEvm(evmWallet(), { headers: { origin: OTHER_ORIGIN } })).response,
    code: 'domain_mismatch',
    connects: 0,
  },
  {
    name: 'an EVM message naming another address',
    act: async (h) => (await h.linkEvm(evmWallet(), { overrides: { address: evmWallet().address } })).response,
    code: 'address_mismatch',
    connects: 0,
  },
  {
    name: 'an EVM message on a chain the relay refuses',
    act: async (h) => (await h.linkEvm(evmWallet(), { overrides: { chainId: 56 } })).response,
    code: 'chain_not_allowed',
    connects: 0,
  },
  {
    name: 'an EVM message with a granted resource appended',
    act: async (h) => {
      const wallet = evmWallet()
      const proof = await wallet.prove(await h.challenge({ walletType: 'evm', chainId: 1 }))
      const message = `${proof.message}\nResources:\n- https://evil.example/admin`
      return h.post('/v1/link', {
        walletType: 'evm',
        walletAddress: wallet.address,
        verificationData: { message, signature: await wallet.sign(message) },
      })
    },
    code: 'invalid_request',
    connects: 0,
  },
  {
    name: 'a malformed EVM signature',
    act: async (h) => (await h.linkEvm(evmWallet(), { signature: '0xnothex' })).response,
    code: 'signature_invalid',
    connects: 0,
  },
  {
    name: 'a Solana signature over other bytes',
    act: async (h) => (await h.linkSolana(solanaWallet(), { signature: solanaWallet().sign('x') })).response,
    code: 'signature_invalid',
    connects: 0,
  },
  {
    name: 'a Solana text outside the canonical layout',
    act: async (h) => (await h.linkSolana(solanaWallet(), { message: (m) => m.replace('\n\n', '\n \n') })).response,
    code: 'invalid_request',
    connects: 0,
  },
  {
    name: 'a Solana proof claiming another wallet',
    act: async (h) => (await h.linkSolana(solanaWallet(), { request: { walletAddress: solanaWallet().address } })).response,
    code: 'address_mismatch',
    connects: 0,
  },
  {
    name: 'a ton_proof for a payload never issued',
    act: async (h) => (await h.linkTon(tonWallet(), { overrides: { payload: '0'.repeat(32) } })).response,
    code: 'challenge_unknown',
    connects: 0,
  },
  {
    name: 'a ton_proof whose state init is another wallet’s',
    act: async (h) => (await h.linkTon(tonWallet(), { overrides: { stateInit: tonWallet().stateInit } })).response,
    code: 'address_mismatch',
    connects: 0,
  },
  {
    name: 'a ton_proof for the test network',
    act: async (h) => (await h.linkTon(tonWallet(), { overrides: { chain: '-3' } })).response,
    code: 'chain_not_allowed',
    connects: 0,
  },
  {
    name: 'a ton_proof signed over another domain',
    act: async (h) => (await h.linkTon(tonWallet(), { overrides: { signed: { domain: 'evil.example' } } })).response,
    code: 'signature_invalid',
    connects: 0,
  },
  {
    name: 'a ton_proof naming a domain not allowed',
    act: async (h) => (await h.linkTon(tonWallet(), { overrides: { domain: 'evil.example' } })).response,
    code: 'domain_mismatch',
    connects: 0,
  },
  {
    name: 'an EVM proof answering a TON challenge’s nonce',
    act: async (h) => {
      const ton = await h.challenge({ walletType: 'ton' })
      return (await h.linkEvm(evmWallet(), { overrides: { nonce: ton.nonce } })).response
    },
    code: 'challenge_unknown',
    connects: 0,
  },
  // ── hostile bodies, headers and origins ──
  {
    name: 'an origin outside the allowlist',
    act: async (h) => (await h.linkEvm(evmWallet(), { headers: { origin: 'https://evil.example' } })).response,
    code: 'origin_not_allowed',
    connects: 0,
  },
  {
    name: 'a POST without an origin',
    act: async (h) => raw(h, '{}', { 'content-type': 'application/json' }),
    code: 'origin_not_allowed',
    connects: 0,
  },
  {
    name: 'a text/plain body (a CORS "simple" request)',
    act: async (h) => raw(h, '{}', { origin: ORIGIN, 'content-type': 'text/plain' }),
    code: 'unsupported_media_type',
    connects: 0,
  },
  {
    name: 'a body over the size limit',
    act: async (h) => raw(h, JSON.stringify({ pad: 'x'.repeat(40_000) }), { origin: ORIGIN, 'content-type': 'application/json' }),
    code: 'payload_too_large',
    connects: 0,
  },
  {
    name: 'JSON that does not parse',
    act: async (h) => raw(h, '{"walletType":"evm",', { origin: ORIGIN, 'content-type': 'application/json' }),
    code: 'invalid_request',
    connects: 0,
  },
  {
    name: 'an array instead of an object',
    act: async (h) => raw(h, '[1,2,3]', { origin: ORIGIN, 'content-type': 'application/json' }),
    code: 'invalid_request',
    connects: 0,
  },
  {
    name: 'a __proto__ key smuggled into the body',
    act: async (h) =>
      raw(h, '{"walletType":"evm","walletAddress":"0x1","verificationData":{"message":"m","signature":"s"},"__proto__":{"admin":true}}', {
        origin: ORIGIN,
        'content-type': 'application/json',
      }),
    code: 'invalid_request',
    connects: 0,
  },
  {
    name: 'verifiedLocally set by the browser',
    act: async (h) =>
      (await h.linkEvm(evmWallet(), { request: { verificationData: { message: 'm', signature: 's', verifiedLocally: true } as never } }))
        .response,
    code: 'invalid_request',
    connects: 0,
  },
  {
    name: 'a userId smuggled into a link',
    act: async (h) => (await h.linkEvm(evmWallet(), { request: { userId: crypto.randomUUID() } as never })).response,
    code: 'forbidden',
    connects: 0,
  },
  {
    name: 'an over-long wallet address',
    act: async (h) => (await h.linkEvm(evmWallet(), { request: { walletAddress: `0x${'a'.repeat(200)}` } })).response,
    code: 'invalid_request',
    connects: 0,
  },
  {
    name: 'a session token that was never issued',
    act: async (h) => (await h.linkEvm(evmWallet(), { headers: bearer('A'.repeat(43)) })).response,
    code: 'unauthorized',
    connects: 0,
  },
  {
    name: 'a host token signed with another secret',
    act: async (h) =>
      (
        await h.linkEvm(evmWallet(), {
          headers: { 'x-user-token': await sign({ sub: 'u', exp: START / 1000 + 60 }, 'x'.repeat(40), 'HS256') },
        })
      ).response,
    code: 'unauthorized',
    connects: 0,
    env: { HOST_TOKEN_SECRET: 'the-relay-secret-0123456789abcdef0123' },
  },
  {
    name: 'a host token with alg "none"',
    act: async (h) => {
      const encode = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
      const token = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'admin', exp: START / 1000 + 60 })}.`
      return (await h.linkEvm(evmWallet(), { headers: { 'x-user-token': token } })).response
    },
    code: 'unauthorized',
    connects: 0,
    env: { HOST_TOKEN_SECRET: 'the-relay-secret-0123456789abcdef0123' },
  },
  // ── upstream failures ──
  {
    name: 'Snag refusing the API key (not retried; the relay is misconfigured)',
    act: async (h) => {
      h.emulator.faults.next('/api/users/connect', { status: 403, body: { message: 'Forbidden, Could not validate api key' } })
      return (await h.linkEvm(evmWallet())).response
    },
    code: 'upstream_unavailable',
    connects: 1,
  },
  {
    name: 'Snag failing with 500 on every attempt (retried, bounded)',
    act: async (h) => {
      for (let i = 0; i < 5; i++) h.emulator.faults.next('/api/users/connect', { status: 500 })
      return (await h.linkEvm(evmWallet())).response
    },
    code: 'upstream_unavailable',
    connects: 3,
  },
  {
    name: 'Snag answering something that is not JSON',
    act: async (h) => {
      h.emulator.faults.next('/api/users/connect', { malformed: true })
      return (await h.linkEvm(evmWallet())).response
    },
    code: 'upstream_rejected',
    connects: 1,
  },
  {
    name: 'Snag answering 200 off its own schema',
    act: async (h) => {
      h.emulator.faults.next('/api/users/connect', { status: 200, body: { ok: true } })
      return (await h.linkEvm(evmWallet())).response
    },
    code: 'upstream_rejected',
    connects: 1,
  },
  {
    name: 'Snag staying silent past the timeout',
    act: async (h) => {
      for (let i = 0; i < 3; i++) h.emulator.faults.next('/api/users/connect', { delayMs: 500 })
      return (await h.linkEvm(evmWallet())).response
    },
    code: 'upstream_timeout',
    connects: 3,
    env: { SNAG_TIMEOUT_MS: '100' },
  },
  {
    name: 'unlinking a wallet of someone else’s account',
    act: async (h) => {
      const mine = (await (await h.linkEvm(evmWallet())).response.json()) as LinkResponse
      const theirs = (await (await h.linkEvm(evmWallet())).response.json()) as LinkResponse
      await h.linkEvm(evmWallet(), { headers: bearer(theirs.session) })
      return h.post('/v1/unlink', { userId: theirs.wallet.userId }, bearer(mine.session))
    },
    code: 'forbidden',
    connects: 3,
  },
]

describe('adversarial suite', () => {
  it('has at least 25 cases', () => expect(cases.length).toBeGreaterThanOrEqual(25))

  for (const { name, act, code, connects, env } of cases) {
    it(`answers ${code} to ${name}, with Snag's connect called ${connects} time(s)`, async () => {
      const h = harness(env ? { env } : {})
      const response = await act(h)
      expect(await errorOf(response)).toMatchObject({ code })
      expect(connectCalls(h)).toBe(connects)
      expect(h.emulator.calls.some((call) => call.path === '/api/users/disconnect')).toBe(false)
    })
  }

  it('links a proof raced ten times at once exactly once', async () => {
    const h = harness()
    const wallet = evmWallet()
    const proof = await wallet.prove(await h.challenge({ walletType: 'evm', chainId: 1 }))
    const body = { walletType: 'evm', walletAddress: wallet.address, verificationData: proof }
    const answers = await Promise.all(Array.from({ length: 10 }, () => h.post('/v1/link', body)))
    const codes = await Promise.all(answers.map(async (r) => (r.status === 200 ? 'ok' : (await errorOf(r)).code)))
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1)
    expect(codes.filter((c) => c === 'challenge_unknown')).toHaveLength(9)
    expect(connectCalls(h)).toBe(1)
  })
})
