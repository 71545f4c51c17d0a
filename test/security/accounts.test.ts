/**
 * Security review, account findings: a stolen wallet key must not keep or regain
 * control of someone's account. Each case is the review's reproduction, through
 * HTTP against the relay with real keys, and asserts what Snag holds after it.
 */
import { sign } from 'hono/jwt'
import { describe, expect, it } from 'vitest'
import type { LinkResponse, WalletsResponse } from '../../src/protocol/relay.js'
import { evmWallet, type TestEvmWallet } from '../support/evm.js'
import { START, bearer, errorOf, harness, type Harness } from '../support/harness.js'
import { solanaWallet } from '../support/solana.js'
import { tonWallet } from '../support/ton.js'

const HOST_SECRET = 'host-secret-for-account-tests-0123456789'
const userToken = async (sub: string) => ({
  'x-user-token': await sign({ sub, iat: START / 1000, exp: START / 1000 + 600 }, HOST_SECRET, 'HS256'),
})

async function ok(response: Response): Promise<LinkResponse> {
  if (response.status !== 200) throw new Error(`answered ${response.status}: ${await response.text()}`)
  return (await response.json()) as LinkResponse
}

const link = async (h: Harness, wallet: TestEvmWallet, headers: Record<string, string> = {}, request = {}) =>
  ok((await h.linkEvm(wallet, { headers, request })).response)
const walletsOf = async (h: Harness, session: string) =>
  ((await (await h.get('/v1/wallets', bearer(session))).json()) as WalletsResponse).wallets
const groupOf = (h: Harness, userId: string) => h.emulator.state.users.get(userId)!.userGroupId
const snagCalls = (h: Harness) => h.emulator.calls.filter((call) => call.path.startsWith('/api/')).length

describe('a session outlives the wallet that created it (finding 1)', () => {
  it('ends the thief’s session, signed in with a hot wallet, once the owner unlinks that wallet', async () => {
    const h = harness()
    const [a, hot] = [evmWallet(), evmWallet()]
    const alice = await link(h, a)
    const hotLinked = await link(h, hot, bearer(alice.session))
    const thief = await link(h, hot) // the thief holds the hot wallet's key: a sign-in
    expect((await walletsOf(h, thief.session)).map((w) => w.userId).sort()).toEqual([alice.wallet.userId, hotLinked.wallet.userId].sort())

    expect((await h.post('/v1/unlink', { userId: hotLinked.wallet.userId }, bearer(alice.session))).status).toBe(200)

    expect(await errorOf(await h.get('/v1/wallets', bearer(thief.session)))).toMatchObject({ code: 'unauthorized' })
    expect(await errorOf((await h.linkEvm(evmWallet(), { headers: bearer(thief.session) })).response)).toMatchObject({
      code: 'unauthorized',
    })
    expect(await errorOf(await h.post('/v1/unlink', { userId: alice.wallet.userId }, bearer(thief.session)))).toMatchObject({
      code: 'unauthorized',
    })
    expect(groupOf(h, alice.wallet.userId)).not.toBeNull()
    expect(await walletsOf(h, alice.session)).toEqual([expect.objectContaining({ userId: alice.wallet.userId })])
  })

  it('ends the thief’s session even when the wallet leaves the account outside the relay', async () => {
    const h = harness()
    const [a, hot] = [evmWallet(), evmWallet()]
    const alice = await link(h, a)
    const hotLinked = await link(h, hot, bearer(alice.session))
    const thief = await link(h, hot)
    h.emulator.state.setGroup(h.emulator.state.users.get(hotLinked.wallet.userId)!, null) // the operator, on Snag directly
    h.clock.advance(11_000) // past the member list's cache
    expect(await errorOf(await h.get('/v1/wallets', bearer(thief.session)))).toMatchObject({ code: 'unauthorized' })
  })

  it('ends a session at its absolute lifetime, however often it was used', async () => {
    const h = harness()
    const alice = await link(h, evmWallet())
    for (let minute = 0; minute < 59; minute++) {
      h.clock.advance(60_000)
      expect((await h.get('/v1/wallets', bearer(alice.session))).status).toBe(200)
    }
    await link(h, evmWallet(), bearer(alice.session)) // a link does not extend it either
    h.clock.advance(60_000)
    expect(await errorOf(await h.get('/v1/wallets', bearer(alice.session)))).toMatchObject({ code: 'unauthorized' })
  })

  it('ends every session of the account with DELETE /v1/sessions', async () => {
    const h = harness()
    const [a, hot] = [evmWallet(), evmWallet()]
    const alice = await link(h, a)
    await link(h, hot, bearer(alice.session))
    const thief = await link(h, hot)
    const otherDevice = await link(h, a)
    const ended = await h.request('DELETE', '/v1/sessions', bearer(alice.session))
    expect(ended.status).toBe(204)
    for (const session of [alice.session, thief.session, otherDevice.session])
      expect(await errorOf(await h.get('/v1/wallets', bearer(session)))).toMatchObject({ code: 'unauthorized' })
    expect(h.emulator.calls.some((call) => call.path === '/api/users/disconnect')).toBe(false)
  })

  it('does not let a one-wallet account’s session follow its wallet into the account it joins', async () => {
    const h = harness()
    const w = evmWallet()
    const alone = await link(h, w)
    const carol = await link(h, evmWallet())
    await link(h, evmWallet(), bearer(carol.session))
    const moved = await link(h, w, bearer(carol.session), { confirmDisconnect: true })
    expect(moved.wallets).toHaveLength(3)
    expect(await errorOf(await h.get('/v1/wallets', bearer(alone.session)))).toMatchObject({ code: 'unauthorized' })
  })

  it('keeps every session of a one-wallet account when that account gains a wallet', async () => {
    const h = harness()
    const w = evmWallet()
    const alice = await link(h, w)
    const otherTab = await link(h, w) // a sign-in: a second session of the same one-wallet account
    const second = await link(h, evmWallet(), bearer(alice.session))
    for (const session of [alice.session, otherTab.session])
      expect((await walletsOf(h, session)).map((w) => w.userId).sort()).toEqual([alice.wallet.userId, second.wallet.userId].sort())
  })
})

describe('the host user’s account (finding 2)', () => {
  it('keeps linking a host user into their account after they unlink a compromised wallet', async () => {
    const h = harness({ env: { HOST_TOKEN_SECRET: HOST_SECRET } })
    const token = await userToken('alice')
    const w1 = await link(h, evmWallet(), token)
    const w2 = await link(h, evmWallet(), { ...token, ...bearer(w1.session) })
    expect((await h.post('/v1/unlink', { userId: w1.wallet.userId }, { ...token, ...bearer(w2.session) })).status).toBe(200)
    expect(h.emulator.state.metadata.get(w1.wallet.userId)?.externalIdentifier).toBeNull()

    const w3 = await link(h, evmWallet(), token) // a new browser: the token, no session
    expect(w3.wallets.map((w) => w.userId).sort()).toEqual([w2.wallet.userId, w3.wallet.userId].sort())
    expect(groupOf(h, w1.wallet.userId)).toBeNull()
  })

  it('never sends a host user’s links to the account a thief moved their old wallet into', async () => {
    const h = harness({ env: { HOST_TOKEN_SECRET: HOST_SECRET } })
    const token = await userToken('carol')
    const oldWallet = evmWallet()
    const w1 = await link(h, oldWallet, token)
    const w2 = await link(h, evmWallet(), { ...token, ...bearer(w1.session) })
    await h.post('/v1/unlink', { userId: w1.wallet.userId }, { ...token, ...bearer(w2.session) })

    const thief = await link(h, evmWallet())
    await link(h, oldWallet, bearer(thief.session), { confirmDisconnect: true })

    const w3 = await link(h, evmWallet(), token)
    expect(groupOf(h, w3.wallet.userId)).toBe(groupOf(h, w2.wallet.userId))
    expect(groupOf(h, w3.wallet.userId)).not.toBe(groupOf(h, thief.wallet.userId))
  })

  it('clears the host user id of a wallet that moves to another account', async () => {
    const h = harness({ env: { HOST_TOKEN_SECRET: HOST_SECRET } })
    const token = await userToken('dave')
    const wallet = evmWallet()
    const w1 = await link(h, wallet, token)
    await link(h, evmWallet(), { ...token, ...bearer(w1.session) })
    expect(h.emulator.state.metadata.get(w1.wallet.userId)?.externalIdentifier).toBe('dave')
    const other = await link(h, evmWallet())
    await link(h, wallet, bearer(other.session), { confirmDisconnect: true })
    expect(h.emulator.state.metadata.get(w1.wallet.userId)?.externalIdentifier).toBeNull()
  })
})

describe('parked proofs (finding 4)', () => {
  const CONNECT = '/api/users/connect'

  it('accepts a parked proof again only with the session it came with', async () => {
    const h = harness()
    const alice = await link(h, evmWallet())
    const mallory = await link(h, evmWallet())
    for (let i = 0; i < 3; i++) h.emulator.faults.next(CONNECT, { status: 503 })
    const { body, response } = await h.linkEvm(evmWallet(), { headers: bearer(alice.session) })
    expect(await errorOf(response)).toMatchObject({ code: 'upstream_unavailable' })

    expect(await errorOf(await h.post('/v1/link', body, bearer(mallory.session)))).toMatchObject({ code: 'challenge_unknown' })
    expect(await errorOf(await h.post('/v1/link', body))).toMatchObject({ code: 'challenge_unknown' })
    expect(await errorOf(await h.post('/v1/link', { ...body, confirmDisconnect: true }, bearer(alice.session)))).toMatchObject({
      code: 'challenge_unknown',
    })
    const resent = await ok(await h.post('/v1/link', body, bearer(alice.session)))
    expect(groupOf(h, resent.wallet.userId)).toBe(groupOf(h, alice.wallet.userId))
  })

  it('accepts it only for its own session also after Snag linked it and the answer was lost', async () => {
    const h = harness()
    const alice = await link(h, evmWallet())
    await link(h, evmWallet(), bearer(alice.session))
    const mallory = await link(h, evmWallet())
    h.emulator.faults.next(CONNECT, { lostAnswer: 502 })
    h.emulator.faults.next(CONNECT, { status: 503 })
    h.emulator.faults.next(CONNECT, { status: 503 })
    const { body, response } = await h.linkEvm(evmWallet(), { headers: bearer(alice.session) })
    expect(await errorOf(response)).toMatchObject({ code: 'upstream_unavailable' })

    expect(await errorOf(await h.post('/v1/link', { ...body, confirmDisconnect: true }, bearer(mallory.session)))).toMatchObject({
      code: 'challenge_unknown',
    })
    const resent = await ok(await h.post('/v1/link', body, bearer(alice.session)))
    expect(resent.wallets).toHaveLength(3)
    expect(groupOf(h, resent.wallet.userId)).toBe(groupOf(h, alice.wallet.userId))
  })
})

describe('abuse limits (findings 5, 6, 7)', () => {
  it('holds one session’s calls to Snag to its budget, however fast it asks', async () => {
    const h = harness({ env: { RATE_LIMIT_IP_PER_MINUTE: '100000' } })
    const alice = await link(h, evmWallet())
    const before = snagCalls(h)
    const answers = await Promise.all([
      ...Array.from({ length: 300 }, () => h.get('/v1/wallets', bearer(alice.session))),
      ...Array.from({ length: 100 }, () => h.post('/v1/profile', { displayName: 'Ada' }, bearer(alice.session))),
    ])
    const limited = answers.filter((r) => r.status === 429)
    expect(limited.length).toBeGreaterThanOrEqual(400 - 60)
    expect(limited[0]!.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(snagCalls(h) - before).toBeLessThanOrEqual(62)
  })

  it('limits a session’s routes per client address too', async () => {
    const h = harness({ env: { RATE_LIMIT_IP_PER_MINUTE: '5', RATE_LIMIT_SESSION_PER_MINUTE: '1000' } })
    const alice = await link(h, evmWallet(), { 'x-test-client-ip': '198.51.100.9' })
    const statuses = []
    for (let i = 0; i < 7; i++)
      statuses.push((await h.get('/v1/wallets', { ...bearer(alice.session), 'x-test-client-ip': '2001:db8::1' })).status)
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429])
    // Another address of the same IPv6 /64 shares the budget.
    expect((await h.get('/v1/wallets', { ...bearer(alice.session), 'x-test-client-ip': '2001:db8::2:1' })).status).toBe(429)
  })

  it('keeps nothing for challenges asked from many addresses and never answered', async () => {
    const h = harness()
    const before = h.store.size()
    for (let i = 0; i < 3000; i++) await h.post('/v1/challenge', { walletType: 'ton' }, { 'x-test-client-ip': `198.51.100.${i % 250}` })
    expect(h.store.size() - before).toBe(250) // the per-address rate counters, nothing per challenge
    const counters = h.store.size() - before
    const answered = await link(h, evmWallet())
    expect(answered.wallet).toBeDefined()
    expect(h.store.size() - before - counters).toBeLessThanOrEqual(6) // one used nonce, one session and its index, counters
  })

  it('counts IPv6 clients by their /64 for challenges', async () => {
    const h = harness({ env: { RATE_LIMIT_IP_PER_MINUTE: '3' } })
    const statuses = []
    for (let i = 1; i <= 4; i++)
      statuses.push(
        (await h.post('/v1/challenge', { walletType: 'evm' }, { 'x-test-client-ip': `2001:db8:0:7::${i.toString(16)}` })).status,
      )
    expect(statuses).toEqual([200, 200, 200, 429])
    expect((await h.post('/v1/challenge', { walletType: 'evm' }, { 'x-test-client-ip': '2001:db8:0:8::1' })).status).toBe(200)
  })

  it('does not let junk naming a victim’s wallet lock the victim out', async () => {
    const h = harness({ env: { RATE_LIMIT_WALLET_PER_MINUTE: '3' } })
    const victim = evmWallet()
    for (let i = 0; i < 10; i++) {
      const attacker = { 'x-test-client-ip': `203.0.113.${100 + i}` }
      const issued = await h.challenge({ walletType: 'evm', address: victim.address, chainId: 1 }, attacker)
      const { message } = await victim.prove(issued)
      const junk = {
        walletType: 'evm',
        walletAddress: victim.address,
        verificationData: { message, signature: await evmWallet().sign(message) },
      }
      expect(await errorOf(await h.post('/v1/link', junk, attacker))).toMatchObject({ code: 'signature_invalid' })
    }
    expect((await h.linkEvm(victim)).response.status).toBe(200)
  })

  it('counts one TON wallet once, however its address is spelled', async () => {
    const h = harness({ env: { RATE_LIMIT_WALLET_PER_MINUTE: '3' } })
    const wallet = tonWallet()
    const { Address } = await import('@ton/core')
    const address = Address.parseRaw(wallet.address)
    const spellings = [
      wallet.address,
      address.toString(),
      address.toString({ bounceable: false }),
      address.toString({ urlSafe: false }),
      address.toString({ bounceable: false, urlSafe: false }),
    ]
    const statuses = []
    for (const spelling of spellings) statuses.push((await h.linkTon(wallet, { request: { walletAddress: spelling } })).response.status)
    expect(statuses).toEqual([200, 200, 200, 429, 429])
  })
})

describe('concurrent changes to one account (finding 10)', () => {
  it('never lets two concurrent unlinks empty a two-wallet account', async () => {
    for (let round = 0; round < 5; round++) {
      const h = harness()
      const a = await link(h, evmWallet())
      const b = await link(h, evmWallet(), bearer(a.session))
      const answers = await Promise.all([
        h.post('/v1/unlink', { userId: b.wallet.userId }, bearer(a.session)),
        h.post('/v1/unlink', { userId: a.wallet.userId }, bearer(b.session)),
      ])
      expect(
        answers.map((r) => r.status).filter((s) => s === 200),
        `round ${round}`,
      ).toHaveLength(1)
      expect([a, b].filter((w) => groupOf(h, w.wallet.userId) !== null)).toHaveLength(1)
    }
  })

  it('never lets three concurrent unlinks empty a three-wallet account', async () => {
    for (let round = 0; round < 5; round++) {
      const h = harness()
      const a = await link(h, evmWallet())
      const b = await link(h, evmWallet(), bearer(a.session))
      const third = await link(h, evmWallet(), bearer(a.session))
      const answers = await Promise.all([
        h.post('/v1/unlink', { userId: b.wallet.userId }, bearer(a.session)),
        h.post('/v1/unlink', { userId: third.wallet.userId }, bearer(a.session)),
        h.post('/v1/unlink', { userId: a.wallet.userId }, bearer(b.session)),
      ])
      const statuses = answers.map((r) => r.status)
      const remaining = [a, b, third].filter((w) => groupOf(h, w.wallet.userId) !== null)
      expect(remaining.length, `round ${round}: ${statuses.join(',')}`).toBeGreaterThanOrEqual(1)
    }
  })
})

describe('a wallet that is its own account (finding 11)', () => {
  it('moves into another account only with confirmation', async () => {
    const h = harness()
    const alone = evmWallet()
    const itself = await link(h, alone)
    const alice = await link(h, evmWallet())
    expect(await errorOf((await h.linkEvm(alone, { headers: bearer(alice.session) })).response)).toMatchObject({
      code: 'wallet_linked_elsewhere',
    })
    expect(groupOf(h, itself.wallet.userId)).toBeNull()
    const moved = await link(h, alone, bearer(alice.session), { confirmDisconnect: true })
    expect(moved.wallets.map((w) => w.userId).sort()).toEqual([alice.wallet.userId, itself.wallet.userId].sort())
  })

  it('moves a Solana wallet that is its own account only with confirmation, too', async () => {
    const h = harness()
    const alone = solanaWallet()
    await ok((await h.linkSolana(alone)).response)
    const alice = await link(h, evmWallet())
    expect(await errorOf((await h.linkSolana(alone, { headers: bearer(alice.session) })).response)).toMatchObject({
      code: 'wallet_linked_elsewhere',
    })
  })
})

describe('what Snag answers is checked (upstream trust)', () => {
  it('refuses a member list that holds a user outside the group asked for', async () => {
    const h = harness()
    const alice = await link(h, evmWallet())
    await link(h, evmWallet(), bearer(alice.session))
    const stranger = await link(h, evmWallet())
    h.clock.advance(11_000)
    const foreign = h.emulator.state.toSnagUser(h.emulator.state.users.get(stranger.wallet.userId)!)
    h.emulator.faults.next('/api/users', { status: 200, body: { data: [foreign], hasNextPage: false } })
    expect(await errorOf(await h.get('/v1/wallets', bearer(alice.session)))).toMatchObject({ code: 'upstream_rejected' })
  })
})
