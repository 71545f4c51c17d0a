import { describe, expect, it, vi } from 'vitest'
import { evmWallet } from '../../test/support/evm.js'
import { ORIGIN, START, errorOf, harness } from '../../test/support/harness.js'
import { solanaWallet } from '../../test/support/solana.js'
import { siweMessage } from '../chains/evm/siwe.js'
import { ERRORS } from '../protocol/errors.js'

describe('GET /v1/config', () => {
  it('tells the widget the enabled chains and EVM chain ids', async () => {
    const h = harness({ env: { CHAINS: 'evm,solana' } })
    const response = await h.app.request('/v1/config', { headers: { origin: ORIGIN } })
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN)
    expect(await response.json()).toEqual({
      chains: ['evm', 'solana'],
      evm: { chainIds: [1, 8453] },
      solana: { chain: 'mainnet' },
      challengeTtlSeconds: 300,
    })
  })
})

describe('createRelayApp', () => {
  it('starts no timer when it is built (Workers build the app at module scope)', async () => {
    vi.useFakeTimers()
    try {
      harness()
      expect(vi.getTimerCount()).toBe(0)
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('POST /v1/challenge', () => {
  it('returns the exact text to sign when the wallet named its address: SIWE for EVM, SIWS for Solana', async () => {
    const h = harness()
    const evm = evmWallet()
    const issued = await h.challenge({ walletType: 'evm', address: evm.address.toLowerCase(), chainId: 1 })
    expect(issued.message).toBe(siweMessage(issued, evm.address))
    const solana = solanaWallet()
    const signIn = await h.challenge({ walletType: 'solana', address: solana.address })
    expect(signIn.message).toBe(solana.prove(signIn).message)
    // Without an address the wallet writes the text itself (solana:signIn), from the challenge's fields.
    expect((await h.challenge({ walletType: 'solana' })).message).toBeUndefined()
  })

  it('refuses an address that is not one of the chain’s', async () => {
    expect(await errorOf(await harness().post('/v1/challenge', { walletType: 'evm', address: 'not-an-address' }))).toMatchObject({
      code: 'invalid_request',
      message: 'address is not a valid evm address.',
    })
  })

  it('issues a nonce bound to the calling origin, with the relay’s times', async () => {
    const h = harness()
    const challenge = await h.challenge({ walletType: 'evm', chainId: 8453 })
    expect(challenge).toEqual({
      nonce: expect.stringMatching(/^[0-9a-f]{66,98}$/),
      domain: 'app.example',
      uri: ORIGIN,
      statement: 'Link this wallet to your account.',
      version: '1',
      chainId: 8453,
      issuedAt: new Date(START).toISOString(),
      expiresAt: new Date(START + 300_000).toISOString(),
    })
  })

  it('binds an EVM challenge to the first allowed chain when the wallet names none', async () => {
    expect((await harness().challenge({ walletType: 'evm' })).chainId).toBe(1)
  })

  it('never issues the same nonce twice', async () => {
    const h = harness()
    const nonces = new Set(await Promise.all(Array.from({ length: 50 }, async () => (await h.challenge({ walletType: 'evm' })).nonce)))
    expect(nonces.size).toBe(50)
  })

  it('refuses a chain id the relay does not allow', async () => {
    const response = await harness().post('/v1/challenge', { walletType: 'evm', chainId: 137 })
    expect(await errorOf(response)).toMatchObject({ status: 400, code: 'chain_not_allowed' })
  })

  it('refuses a chain the relay has not enabled', async () => {
    const response = await harness({ env: { CHAINS: 'evm,solana' } }).post('/v1/challenge', { walletType: 'ton' })
    expect(await errorOf(response)).toMatchObject({ status: 400, code: 'chain_not_allowed' })
  })
})

describe('requests the relay refuses before any work', () => {
  it('refuses an origin outside the allowlist with an error that page can read, and grants it nothing else', async () => {
    const h = harness()
    const response = await h.post('/v1/challenge', { walletType: 'evm' }, { origin: 'https://evil.example' })
    expect(await errorOf(response)).toEqual({ status: 403, code: 'origin_not_allowed', message: ERRORS.origin_not_allowed.message })
    expect(response.headers.get('access-control-allow-origin')).toBe('https://evil.example')
    expect(response.headers.get('access-control-allow-credentials')).toBeNull()
    const config = await h.get('/v1/config', { origin: 'https://evil.example' })
    expect(await errorOf(config)).toMatchObject({ status: 403, code: 'origin_not_allowed' })
    expect(config.headers.get('access-control-allow-origin')).toBe('https://evil.example')
    expect(h.emulator.calls).toEqual([])
  })

  it('refuses a POST that names no origin', async () => {
    const h = harness()
    const response = await h.app.request('/v1/challenge', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ walletType: 'evm' }),
    })
    expect(await errorOf(response)).toMatchObject({ code: 'origin_not_allowed' })
  })

  it('answers a preflight from an allowed origin, and gives an unknown one nothing to use', async () => {
    const h = harness()
    const preflight = (origin: string) =>
      h.app.request('/v1/link', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      })
    const allowed = await preflight(ORIGIN)
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ORIGIN)
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull()
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull()
  })

  it('refuses a body that is not JSON', async () => {
    const response = await harness().post('/v1/challenge', 'walletType=evm', { 'content-type': 'application/x-www-form-urlencoded' })
    expect(await errorOf(response)).toMatchObject({ status: 415, code: 'unsupported_media_type' })
  })

  it('refuses JSON that does not parse', async () => {
    const response = await harness().post('/v1/challenge', '{"walletType":')
    expect(await errorOf(response)).toMatchObject({ status: 400, code: 'invalid_request', message: 'The request body is not valid JSON.' })
  })

  it('refuses a body over the size limit, streamed without a length too', async () => {
    const h = harness()
    const big = JSON.stringify({ walletType: 'evm', address: 'x'.repeat(20_000) })
    expect(await errorOf(await h.post('/v1/challenge', big))).toMatchObject({ status: 413, code: 'payload_too_large' })
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode(' '.repeat(1024)))
        controller.close()
      },
    })
    const chunked = await h.app.request('/v1/challenge', {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect(await errorOf(chunked)).toMatchObject({ status: 413, code: 'payload_too_large' })
  })

  it('refuses unknown fields and over-long strings, naming the field', async () => {
    const h = harness()
    expect(await errorOf(await h.post('/v1/challenge', { walletType: 'evm', userId: 'x' }))).toMatchObject({
      code: 'invalid_request',
      message: 'body: unknown field "userId"',
    })
    expect(await errorOf(await h.post('/v1/challenge', { walletType: 'evm', address: 'a'.repeat(129) }))).toMatchObject({
      code: 'invalid_request',
      // Zod's English words for what is wrong (the relay's schemas are zod/mini, which has none of its own).
      message: 'address: Too big: expected string to have <=128 characters',
    })
    const link = await h.post('/v1/link', {
      walletType: 'evm',
      walletAddress: '0x0',
      verificationData: { message: 'm', signature: 's', verifiedLocally: true },
    })
    expect(await errorOf(link)).toMatchObject({ code: 'invalid_request', message: 'verificationData: unknown field "verifiedLocally"' })
  })

  it('answers 404 to an unknown route, in the relay’s error shape, before any origin check', async () => {
    const h = harness()
    expect(await errorOf(await h.app.request('/v1/nope'))).toMatchObject({ status: 404, code: 'not_found' })
    expect(await errorOf(await h.request('GET', '/nope/deeper'))).toMatchObject({ status: 404, code: 'not_found' })
  })

  it('answers 405 with Allow to a known route asked with another method', async () => {
    const h = harness()
    const wrong = await h.request('GET', '/v1/link')
    expect(wrong.headers.get('allow')).toBe('POST')
    expect(await errorOf(wrong)).toMatchObject({ status: 405, code: 'method_not_allowed' })
    const config = await h.request('DELETE', '/v1/config')
    expect(config.status).toBe(405)
    expect(config.headers.get('allow')).toContain('GET')
  })
})

describe('health', () => {
  it('answers /healthz and /readyz', async () => {
    const h = harness()
    expect(await (await h.app.request('/healthz')).json()).toEqual({ ok: true })
    expect(await (await h.app.request('/readyz')).json()).toEqual({ ok: true, checks: { store: true } })
  })
})
