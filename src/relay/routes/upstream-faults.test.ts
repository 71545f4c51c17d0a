/** What the relay does when Snag fails: retries where safe, and never loses or doubles a link. */
import { describe, expect, it } from 'vitest'
import { evmWallet } from '../../../test/support/evm.js'
import { bearer, errorOf, harness } from '../../../test/support/harness.js'
import { solanaWallet } from '../../../test/support/solana.js'
import type { LinkResponse } from '../../protocol/relay.js'

const CONNECT = '/api/users/connect'

describe('upstream faults', () => {
  it('retries a connect that met a 503, and links once', async () => {
    const h = harness()
    h.emulator.faults.next(CONNECT, { status: 503 })
    h.emulator.faults.next(CONNECT, { status: 502 })
    const { response } = await h.linkEvm(evmWallet())
    expect(response.status).toBe(200)
    expect(h.emulator.state.snapshot().users).toHaveLength(1)
  })

  it('never retries a 4xx', async () => {
    const h = harness()
    h.emulator.faults.next(CONNECT, { status: 400, body: { message: 'signatue is not valid' } })
    const { response } = await h.linkEvm(evmWallet())
    expect(await errorOf(response)).toMatchObject({ code: 'signature_invalid' })
    // The emulator would have linked on a second attempt: there was none.
    expect(h.emulator.state.snapshot().users).toEqual([])
  })

  it('lets the widget resubmit the same proof after a passing failure, and links it exactly once', async () => {
    const h = harness()
    for (let i = 0; i < 3; i++) h.emulator.faults.next(CONNECT, { status: 503 })
    const { body, response } = await h.linkEvm(evmWallet())
    expect(await errorOf(response)).toMatchObject({ status: 503, code: 'upstream_unavailable' })
    expect(h.emulator.state.snapshot().users).toEqual([])

    const again = await h.post('/v1/link', body)
    expect(again.status).toBe(200)
    expect(h.emulator.state.snapshot().users).toHaveLength(1)
    expect(await errorOf(await h.post('/v1/link', body))).toMatchObject({ code: 'challenge_unknown' })
  })

  it('keeps a parked proof for that proof only', async () => {
    const h = harness()
    for (let i = 0; i < 3; i++) h.emulator.faults.next(CONNECT, { status: 503 })
    const wallet = evmWallet()
    const { body } = await h.linkEvm(wallet)
    const reSigned = {
      ...body,
      verificationData: { ...body.verificationData, signature: await evmWallet().sign(body.verificationData.message!) },
    }
    // Refused by its signature check, which comes before the parked challenge is looked at.
    expect(await errorOf(await h.post('/v1/link', reSigned))).toMatchObject({ code: 'signature_invalid' })
    expect((await h.post('/v1/link', body)).status).toBe(200)
  })

  it('does not keep a proof past its challenge’s lifetime', async () => {
    const h = harness()
    for (let i = 0; i < 3; i++) h.emulator.faults.next(CONNECT, { status: 503 })
    const { body } = await h.linkEvm(evmWallet())
    h.clock.advance(h.config.challengeTtlSeconds * 1000)
    expect(await errorOf(await h.post('/v1/link', body))).toMatchObject({ code: 'challenge_expired' })
  })

  it('does not park a proof Snag refused for good', async () => {
    const h = harness()
    h.emulator.faults.next(CONNECT, { status: 400, body: { message: 'User not found' } })
    const { body } = await h.linkEvm(evmWallet())
    expect(await errorOf(await h.post('/v1/link', body))).toMatchObject({ code: 'challenge_unknown' })
  })

  it('treats a retry that meets its own lost success as the success it was', async () => {
    const h = harness()
    const first = (await (await h.linkEvm(evmWallet())).response.json()) as LinkResponse
    h.emulator.faults.next(CONNECT, { lostAnswer: 502 })
    const { response } = await h.linkSolana(solanaWallet(), { headers: bearer(first.session) })
    expect(response.status).toBe(200)
    expect(((await response.json()) as LinkResponse).wallets).toHaveLength(2)
    expect(h.emulator.state.snapshot().groups.map((g) => g.userIds.length)).toEqual([2])
  })

  it('answers upstream_timeout when Snag stays silent, fast', async () => {
    const h = harness({ env: { SNAG_TIMEOUT_MS: '100' } })
    for (let i = 0; i < 3; i++) h.emulator.faults.next(CONNECT, { delayMs: 1000 })
    const started = performance.now()
    expect(await errorOf((await h.linkEvm(evmWallet())).response)).toMatchObject({ status: 504, code: 'upstream_timeout' })
    expect(performance.now() - started).toBeLessThan(2500)
  })
})

describe('rate limits', () => {
  it('limits challenges per client address, with Retry-After, and not other clients', async () => {
    const h = harness({ env: { RATE_LIMIT_IP_PER_MINUTE: '3' } })
    const from = (ip: string) => h.post('/v1/challenge', { walletType: 'evm' }, { 'x-test-client-ip': ip })
    for (let i = 0; i < 3; i++) expect((await from('198.51.100.7')).status).toBe(200)
    const limited = await from('198.51.100.7')
    expect(await errorOf(limited)).toMatchObject({ status: 429, code: 'rate_limited' })
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect((await from('198.51.100.8')).status).toBe(200)
    h.clock.advance(60_000)
    expect((await from('198.51.100.7')).status).toBe(200)
  })

  it('limits verified proofs per wallet, whatever the client address or the spelling of the address', async () => {
    const h = harness({ env: { RATE_LIMIT_WALLET_PER_MINUTE: '2' } })
    const wallet = evmWallet()
    const attempt = async (ip: string, walletAddress: string) => {
      const issued = await h.challenge({ walletType: 'evm', chainId: 1 }, { 'x-test-client-ip': ip })
      return h.post(
        '/v1/link',
        { walletType: 'evm', walletAddress, verificationData: await wallet.prove(issued) },
        { 'x-test-client-ip': ip },
      )
    }
    expect((await attempt('198.51.100.1', wallet.address)).status).toBe(200)
    expect((await attempt('198.51.100.2', wallet.address.toLowerCase())).status).toBe(200)
    expect(await errorOf(await attempt('198.51.100.3', wallet.address))).toMatchObject({ code: 'rate_limited' })
  })
})
