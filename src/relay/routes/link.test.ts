import { describe, expect, it } from 'vitest'
import { evmWallet } from '../../../test/support/evm.js'
import { errorOf, harness, itRefuses } from '../../../test/support/harness.js'

describe('POST /v1/link (evm)', () => {
  it('links a wallet proved by a real SIWE signature and records it upstream', async () => {
    const h = harness()
    const wallet = evmWallet()
    const { response } = await h.linkEvm(wallet)
    expect(response.status).toBe(200)
    const body = await response.json()
    const [user] = h.emulator.state.snapshot().users
    expect(user).toMatchObject({ walletType: 'evm', walletAddress: wallet.address })
    expect(body).toEqual({
      wallet: { userId: user!.id, walletType: 'evm', walletAddress: wallet.address, linkedAt: user!.updatedAt },
      wallets: [body.wallet],
      session: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    })
  })

  it('links a wallet Snag has never seen with one lookup and one connect, and signs in to it with one lookup', async () => {
    const h = harness()
    const wallet = evmWallet()
    expect((await h.linkEvm(wallet)).response.status).toBe(200)
    expect(h.emulator.calls.map((call) => `${call.method} ${call.path}`)).toEqual(['GET /api/users', 'POST /api/users/connect'])
    h.emulator.calls.splice(0)
    expect((await h.linkEvm(wallet)).response.status).toBe(200)
    // A sign-in holds the account's lock and reads the wallet again under it.
    expect(h.emulator.calls.map((call) => `${call.method} ${call.path}`)).toEqual(['GET /api/users', 'GET /api/users', 'GET /api/users'])
  })

  it('accepts a lowercase walletAddress and sends Snag the checksummed one', async () => {
    const h = harness()
    const wallet = evmWallet()
    const { response } = await h.linkEvm(wallet, { request: { walletAddress: wallet.address.toLowerCase() } })
    expect(response.status).toBe(200)
    expect(h.emulator.state.snapshot().users[0]!.walletAddress).toBe(wallet.address)
  })

  describe('refuses before calling Snag', () => {
    itRefuses(
      [
        [
          'a nonce the relay never issued',
          async (h) => (await h.linkEvm(evmWallet(), { overrides: { nonce: 'f'.repeat(32) } })).response,
          'challenge_unknown',
        ],
        [
          'a message naming another URI',
          async (h) => (await h.linkEvm(evmWallet(), { overrides: { uri: 'https://evil.example' } })).response,
          'domain_mismatch',
        ],
        [
          'a message that is not valid yet',
          async (h) => {
            const wallet = evmWallet()
            const issued = await h.challenge({ walletType: 'evm', address: wallet.address, chainId: 1 })
            const proof = await wallet.prove(issued)
            h.clock.advance(-10 * 60_000)
            return h.post('/v1/link', { walletType: 'evm', walletAddress: wallet.address, verificationData: proof })
          },
          'challenge_expired',
        ],
        [
          'an allowed chain other than the challenge’s',
          async (h) => (await h.linkEvm(evmWallet(), { overrides: { chainId: 8453 } })).response,
          'chain_not_allowed',
        ],
        ['a malformed signature', async (h) => (await h.linkEvm(evmWallet(), { signature: '0x1234zz' })).response, 'signature_invalid'],
        [
          'a signature of the right length that recovers to nobody',
          async (h) => (await h.linkEvm(evmWallet(), { signature: `0x${'00'.repeat(65)}` })).response,
          'signature_invalid',
        ],
        [
          'a statement other than the relay’s',
          async (h) => (await h.linkEvm(evmWallet(), { overrides: { statement: 'Send me your tokens.' } })).response,
          'invalid_request',
        ],
        [
          'dates other than the challenge’s',
          async (h) =>
            (
              await h.linkEvm(evmWallet(), {
                overrides: { expiresAt: new Date(Date.parse('2026-11-22T12:04:00.000Z')).toISOString() },
              })
            ).response,
          'invalid_request',
        ],
        [
          'a message with extra lines after the issued text',
          async (h) => {
            const wallet = evmWallet()
            const issued = await h.challenge({ walletType: 'evm', address: wallet.address, chainId: 1 })
            const message = `${(await wallet.prove(issued)).message}\nResources:\n- https://evil.example/grant`
            return h.post('/v1/link', {
              walletType: 'evm',
              walletAddress: wallet.address,
              verificationData: { message, signature: await wallet.sign(message) },
            })
          },
          'invalid_request',
        ],
        [
          'a proof answering a challenge issued for another chain type',
          async (h) => {
            const solanaChallenge = await h.challenge({ walletType: 'solana' })
            return (await h.linkEvm(evmWallet(), { overrides: { nonce: solanaChallenge.nonce } })).response
          },
          'challenge_unknown',
        ],
        [
          'a chain the relay has not enabled',
          async (h) => {
            const wallet = evmWallet()
            const proof = await wallet.prove(await h.challenge({ walletType: 'evm', chainId: 1 }))
            return h.post('/v1/link', { walletType: 'ton', walletAddress: wallet.address, verificationData: proof })
          },
          'chain_not_allowed',
        ],
        [
          'confirmDisconnect without a session',
          async (h) => (await h.linkEvm(evmWallet(), { request: { confirmDisconnect: true } })).response,
          'forbidden',
        ],
      ],
      { env: { CHAINS: 'evm,solana' } },
    )
  })

  it('refuses a date that does not parse, failing closed', async () => {
    const h = harness()
    const wallet = evmWallet()
    const issued = await h.challenge({ walletType: 'evm', address: wallet.address, chainId: 1 })
    const message = (await wallet.prove(issued)).message.replace(/Expiration Time: .*/, 'Expiration Time: tomorrow')
    const response = await h.post('/v1/link', {
      walletType: 'evm',
      walletAddress: wallet.address,
      verificationData: { message, signature: await wallet.sign(message) },
    })
    expect(await errorOf(response)).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/date/) })
  })

  it('links a given proof exactly once when the same request races itself', async () => {
    const h = harness()
    const wallet = evmWallet()
    const issued = await h.challenge({ walletType: 'evm', address: wallet.address, chainId: 1 })
    const proof = await wallet.prove(issued)
    const body = { walletType: 'evm', walletAddress: wallet.address, verificationData: proof }
    const answers = await Promise.all(Array.from({ length: 5 }, () => h.post('/v1/link', body)))
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400, 400, 400, 400])
  })

  it('passes on Snag’s own refusal with the relay’s code, without its body', async () => {
    const h = harness()
    for (let i = 0; i < 3; i++)
      h.emulator.faults.next('/api/users/connect', {
        status: 500,
        body: { success: false, message: 'Internal server error', debugInfo: 'at db.ts:12' },
      })
    const { response } = await h.linkEvm(evmWallet())
    const text = await response.text()
    expect(response.status).toBe(503)
    expect(JSON.parse(text)).toEqual({
      error: { code: 'upstream_unavailable', retryable: true, message: 'The account service is unavailable. Try again shortly.' },
    })
    expect(text).not.toMatch(/db\.ts|snag\.emulator|emu_/)
  })
})
