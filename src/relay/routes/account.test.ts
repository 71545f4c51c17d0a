import { sign } from 'hono/jwt'
import { describe, expect, it } from 'vitest'
import { evmWallet } from '../../../test/support/evm.js'
import { START, bearer, errorOf, harness } from '../../../test/support/harness.js'
import { solanaWallet } from '../../../test/support/solana.js'
import { tonWallet } from '../../../test/support/ton.js'
import type { LinkResponse, UnlinkResponse, WalletsResponse } from '../../protocol/relay.js'
import type { Store } from '../stores/types.js'

const HOST_SECRET = 'host-secret-for-tests-0123456789abcdef'

async function linked(response: Response): Promise<LinkResponse> {
  if (response.status !== 200) throw new Error(`link answered ${response.status}: ${await response.text()}`)
  return (await response.json()) as LinkResponse
}

/** A store that answers reads after a while, as a shared one (Redis) does: concurrent requests' reads and writes interleave. */
const slowReads = (memory: Store): Store => ({
  ...memory,
  get: async (key) => {
    const value = await memory.get(key)
    await new Promise((resolve) => setTimeout(resolve, 20))
    return value
  },
})

/** Snag's next users list, read at once and answered only on `release()`: a read that reached Snag before a change and comes back after it. */
function holdNextUsersRead(h: ReturnType<typeof harness>) {
  let release!: () => void
  const answerAfter = new Promise<void>((resolve) => (release = resolve))
  const handled = new Promise<void>((resolve) => h.emulator.faults.next('/api/users', { answerAfter, handled: resolve }))
  return { handled, release }
}

const groupsOf = (h: ReturnType<typeof harness>) => h.emulator.state.snapshot().groups.map((g) => g.userIds.length)
/** The calls that reached Snag, a users list named by what it read: an account (by group) or a wallet (by address). */
const snagCalls = (h: ReturnType<typeof harness>) =>
  h.emulator.calls.map((call) =>
    call.path === '/api/users' ? (call.query.includes('userGroupId=') ? 'account' : 'wallet') : `${call.method} ${call.path}`,
  )

describe('one account, many wallets', () => {
  it('links an EVM, a Solana and a TON wallet into one Snag user group through the session', async () => {
    const h = harness()
    const first = await linked((await h.linkEvm(evmWallet())).response)
    const second = await linked((await h.linkSolana(solanaWallet(), { headers: bearer(first.session) })).response)
    const third = await linked((await h.linkTon(tonWallet(), { headers: bearer(first.session) })).response)

    expect(second.session).toBe(first.session)
    expect(third.wallets.map((w) => w.walletType).sort()).toEqual(['evm', 'solana', 'ton'])
    expect(groupsOf(h)).toEqual([3])
    const listed = (await (await h.get('/v1/wallets', bearer(first.session))).json()) as WalletsResponse
    expect(listed.wallets.map((w) => w.userId).sort()).toEqual(third.wallets.map((w) => w.userId).sort())
  })

  it('reads the account from Snag once per change, under its lock', async () => {
    const h = harness()
    const first = await linked((await h.linkEvm(evmWallet())).response)
    await linked((await h.linkEvm(evmWallet(), { headers: bearer(first.session) })).response)
    h.emulator.calls.splice(0)
    const third = await linked((await h.linkEvm(evmWallet(), { headers: bearer(first.session) })).response)
    // The wallet before the locks (to know its account), then under them the account and the wallet again,
    // the connect, and the wallet after it (to check that Snag put it in the group).
    expect(snagCalls(h)).toEqual(['wallet', 'account', 'wallet', 'POST /api/users/connect', 'wallet'])
    h.emulator.calls.splice(0)
    expect((await h.post('/v1/unlink', { userId: third.wallet.userId }, bearer(first.session))).status).toBe(200)
    expect(snagCalls(h)).toEqual(['account', 'POST /api/users/disconnect', 'POST /api/users/metadatas'])
  })

  it('signs in to the account a proved wallet already belongs to', async () => {
    const h = harness()
    const wallet = evmWallet()
    const first = await linked((await h.linkEvm(wallet)).response)
    await linked((await h.linkSolana(solanaWallet(), { headers: bearer(first.session) })).response)
    const again = await linked((await h.linkEvm(wallet)).response)
    expect(again.session).not.toBe(first.session)
    expect(again.wallets).toHaveLength(2)
  })

  it('answers already_linked for a wallet already in the account', async () => {
    const h = harness()
    const wallet = evmWallet()
    const first = await linked((await h.linkEvm(wallet)).response)
    await linked((await h.linkSolana(solanaWallet(), { headers: bearer(first.session) })).response)
    expect(await errorOf((await h.linkEvm(wallet, { headers: bearer(first.session) })).response)).toMatchObject({ code: 'already_linked' })
  })

  it('answers max_wallets_linked past Snag’s maximum, saying what to do', async () => {
    const h = harness({ emulator: { snag: { maxWalletsPerGroup: 2 } } })
    const first = await linked((await h.linkEvm(evmWallet())).response)
    await linked((await h.linkEvm(evmWallet(), { headers: bearer(first.session) })).response)
    expect(await errorOf((await h.linkEvm(evmWallet(), { headers: bearer(first.session) })).response)).toEqual({
      status: 409,
      code: 'max_wallets_linked',
      message: expect.stringMatching(/Unlink one first/),
    })
  })
})

describe('moving a wallet between accounts', () => {
  it('asks to confirm, then moves it with a fresh proof and confirmDisconnect', async () => {
    const h = harness()
    const moving = evmWallet()
    const home = await linked((await h.linkEvm(evmWallet())).response)
    await linked((await h.linkEvm(moving, { headers: bearer(home.session) })).response)
    const away = await linked((await h.linkSolana(solanaWallet())).response)

    const refused = await h.linkEvm(moving, { headers: bearer(away.session) })
    expect(await errorOf(refused.response)).toMatchObject({ status: 409, code: 'wallet_linked_elsewhere' })
    expect(await errorOf(await h.post('/v1/link', { ...refused.body, confirmDisconnect: true }, bearer(away.session)))).toMatchObject({
      code: 'challenge_unknown',
    })

    const moved = await linked((await h.linkEvm(moving, { headers: bearer(away.session), request: { confirmDisconnect: true } })).response)
    expect(moved.wallets.map((w) => w.walletAddress).sort()).toEqual([away.wallet.walletAddress, moving.address].sort())
    expect(groupsOf(h).sort()).toEqual([1, 2])
  })

  it('refuses confirmDisconnect without a session, and a userId from the browser', async () => {
    const h = harness()
    expect(await errorOf((await h.linkEvm(evmWallet(), { request: { confirmDisconnect: true } })).response)).toMatchObject({
      code: 'forbidden',
    })
    const victim = await linked((await h.linkEvm(evmWallet())).response)
    const attempt = await h.linkEvm(evmWallet(), { request: { userId: victim.wallet.userId } as object })
    expect(await errorOf(attempt.response)).toMatchObject({ status: 403, code: 'forbidden' })
    expect(groupsOf(h)).toEqual([])
  })
})

describe('unlinking', () => {
  it('unlinks another wallet of the session’s account and keeps the session', async () => {
    const h = harness()
    const first = await linked((await h.linkEvm(evmWallet())).response)
    const second = await linked((await h.linkSolana(solanaWallet(), { headers: bearer(first.session) })).response)
    const third = await linked((await h.linkTon(tonWallet(), { headers: bearer(first.session) })).response)

    const response = await h.post('/v1/unlink', { userId: second.wallet.userId }, bearer(first.session))
    const body = (await response.json()) as UnlinkResponse
    expect(response.status).toBe(200)
    expect(body).toEqual({ unlinked: second.wallet, wallets: expect.any(Array) })
    expect(body.wallets.map((w) => w.userId).sort()).toEqual([first.wallet.userId, third.wallet.userId].sort())
    expect(h.emulator.state.users.get(second.wallet.userId)!.userGroupId).toBeNull()
    const listed = (await (await h.get('/v1/wallets', bearer(first.session))).json()) as WalletsResponse
    expect(listed.wallets).toHaveLength(2)
  })

  it('unlinks the wallet the session was signed in with, and ends the session, saying so', async () => {
    const h = harness()
    const first = await linked((await h.linkEvm(evmWallet())).response)
    const second = await linked((await h.linkSolana(solanaWallet(), { headers: bearer(first.session) })).response)
    const response = await h.post('/v1/unlink', { userId: first.wallet.userId }, bearer(first.session))
    expect(await response.json()).toEqual({ unlinked: first.wallet, wallets: [second.wallet], sessionEnded: true })
    expect(await errorOf(await h.get('/v1/wallets', bearer(first.session)))).toMatchObject({ code: 'unauthorized' })
  })

  it('refuses to unlink a wallet of another account', async () => {
    const h = harness()
    const mine = await linked((await h.linkEvm(evmWallet())).response)
    await linked((await h.linkEvm(evmWallet(), { headers: bearer(mine.session) })).response)
    const theirs = await linked((await h.linkEvm(evmWallet())).response)
    const theirSecond = await linked((await h.linkEvm(evmWallet(), { headers: bearer(theirs.session) })).response)
    expect(await errorOf(await h.post('/v1/unlink', { userId: theirSecond.wallet.userId }, bearer(mine.session)))).toMatchObject({
      status: 403,
      code: 'forbidden',
    })
    expect(h.emulator.state.users.get(theirSecond.wallet.userId)!.userGroupId).not.toBeNull()
  })

  it('refuses to unlink the account’s last wallet, and says why', async () => {
    const h = harness()
    const only = await linked((await h.linkEvm(evmWallet())).response)
    expect(await errorOf(await h.post('/v1/unlink', { userId: only.wallet.userId }, bearer(only.session)))).toEqual({
      status: 403,
      code: 'forbidden',
      message: expect.stringMatching(/last wallet/),
    })
  })

  it('needs a session', async () => {
    const h = harness()
    expect(await errorOf(await h.post('/v1/unlink', { userId: crypto.randomUUID() }))).toMatchObject({ code: 'unauthorized' })
    expect(await errorOf(await h.get('/v1/wallets'))).toMatchObject({ code: 'unauthorized' })
  })
})

describe('sessions', () => {
  it('refuses an unknown, revoked or expired session', async () => {
    const h = harness()
    const first = await linked((await h.linkEvm(evmWallet())).response)
    expect(await errorOf(await h.get('/v1/wallets', bearer('x'.repeat(43))))).toMatchObject({ status: 401, code: 'unauthorized' })
    expect(await errorOf(await h.get('/v1/wallets', { authorization: 'Basic abc' }))).toMatchObject({ code: 'unauthorized' })

    const revoke = await h.app.request('/v1/session', {
      method: 'DELETE',
      headers: { origin: 'https://app.example', ...bearer(first.session) },
    })
    expect(revoke.status).toBe(204)
    expect(await errorOf(await h.get('/v1/wallets', bearer(first.session)))).toMatchObject({ code: 'unauthorized' })

    const second = await linked((await h.linkEvm(evmWallet())).response)
    h.clock.advance(h.config.sessionTtlSeconds * 1000)
    expect(await errorOf((await h.linkEvm(evmWallet(), { headers: bearer(second.session) })).response)).toMatchObject({
      code: 'unauthorized',
    })
  })

  it('keeps only a hash of the token in the store', async () => {
    const store = new Map<string, string>()
    const { createMemoryStore } = await import('../stores/memory.js')
    const memory = createMemoryStore()
    const spy = {
      ...memory,
      set: async (k: string, v: string, ttl: number | undefined) => {
        store.set(k, v)
        await memory.set(k, v, ttl)
      },
    }
    const { createSessions } = await import('../sessions.js')
    const { webCrypto } = await import('../../crypto/port.js')
    const sessions = createSessions({ store: spy, ttlSeconds: 60, now: Date.now, crypto: webCrypto })
    const { token } = await sessions.create({ prover: { userId: 'u', walletType: 'evm', walletAddress: '0x' }, groupId: null })
    expect([...store.keys()].join()).not.toContain(token)
    expect([...store.values()].join()).not.toContain(token)
    expect((await sessions.find(token))?.record.prover.userId).toBe('u')
  })
})

describe('profile', () => {
  it('writes the allowlisted fields to Snag metadata', async () => {
    const h = harness()
    const first = await linked((await h.linkEvm(evmWallet())).response)
    const profile = { displayName: 'Ada', bio: 'Counts things.', location: 'London', portfolioUrl: 'https://ada.example', logoUrl: null }
    const response = await h.post('/v1/profile', profile, bearer(first.session))
    expect(await response.json()).toEqual({ profile })
    expect(h.emulator.state.snapshot().metadata[first.wallet.userId]).toMatchObject(profile)
  })

  it('changes only the fields sent: what was saved stays, null clears, and GET shows it all', async () => {
    const h = harness()
    const first = await linked((await h.linkEvm(evmWallet())).response)
    const auth = bearer(first.session)
    expect(await (await h.get('/v1/profile', auth)).json()).toEqual({ profile: {} })
    await h.post('/v1/profile', { displayName: 'Ada', bio: 'Counts things.' }, auth)
    const second = await h.post('/v1/profile', { location: 'Paris', bio: null }, auth)
    const all = { displayName: 'Ada', bio: null, location: 'Paris' }
    expect(await second.json()).toEqual({ profile: all })
    expect(await (await h.get('/v1/profile', auth)).json()).toEqual({ profile: all })
    expect(h.emulator.state.snapshot().metadata[first.wallet.userId]).toMatchObject(all)
    expect(await errorOf(await h.get('/v1/profile'))).toMatchObject({ code: 'unauthorized' })
  })

  it('keeps every field of profile changes sent at once (none overwrites what another saved)', async () => {
    const h = harness({ store: slowReads })
    const first = await linked((await h.linkEvm(evmWallet())).response)
    const auth = bearer(first.session)
    const changes = [{ displayName: 'Ada' }, { bio: 'Counts things.' }, { location: 'London' }, { portfolioUrl: 'https://ada.example' }]
    const answers = await Promise.all(changes.map((change) => h.post('/v1/profile', change, auth)))
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200])
    const all = Object.assign({}, ...changes)
    expect(await (await h.get('/v1/profile', auth)).json()).toEqual({ profile: all })
    expect(h.emulator.state.snapshot().metadata[first.wallet.userId]).toMatchObject(all)
  })

  it.each([
    ['isBlocked', true],
    ['isBlockExempt', true],
    ['sybilScore', 99],
    ['blockStatusReason', 'not_sybil'],
    ['internalNotes', 'vip'],
    ['userGroupId', crypto.randomUUID()],
    ['externalIdentifier', 'someone-else'],
    ['userId', crypto.randomUUID()],
  ])('never lets the browser set %s', async (field, value) => {
    const h = harness()
    const first = await linked((await h.linkEvm(evmWallet())).response)
    expect(await errorOf(await h.post('/v1/profile', { displayName: 'Ada', [field]: value }, bearer(first.session)))).toMatchObject({
      code: 'invalid_request',
      message: `body: unknown field "${field}"`,
    })
    expect(h.emulator.state.snapshot().metadata).toEqual({})
  })

  it('holds fields to their limits, URLs to https, and needs a session', async () => {
    const h = harness()
    const first = await linked((await h.linkEvm(evmWallet())).response)
    for (const bad of [
      { bio: 'b'.repeat(256) },
      { displayName: 'd'.repeat(65) },
      { portfolioUrl: 'javascript:alert(1)' },
      { logoUrl: 'http://plain.example/x.png' },
      {},
    ])
      expect(await errorOf(await h.post('/v1/profile', bad, bearer(first.session)))).toMatchObject({ code: 'invalid_request' })
    expect(await errorOf(await h.post('/v1/profile', { displayName: 'Ada' }))).toMatchObject({ code: 'unauthorized' })
  })
})

describe('host accounts', () => {
  const token = (claims: Record<string, unknown>, secret = HOST_SECRET) => sign(claims, secret, 'HS256')
  const valid = (sub: string) => token({ sub, iat: Math.floor(START / 1000), exp: Math.floor(START / 1000) + 300 })

  it('records the host’s user id on the Snag user and resumes the same account in a new browser', async () => {
    const h = harness({ env: { HOST_TOKEN_SECRET: HOST_SECRET } })
    const userToken = { 'x-user-token': await valid('host-user-42') }
    const first = await linked((await h.linkEvm(evmWallet(), { headers: userToken })).response)
    expect(first.hostAccount).toEqual({ status: 'done', attempts: 1 })
    expect(h.emulator.state.snapshot().metadata[first.wallet.userId]).toMatchObject({ externalIdentifier: 'host-user-42' })

    // A new browser: no session, the same host user, another wallet.
    const second = await linked((await h.linkSolana(solanaWallet(), { headers: userToken })).response)
    expect(second.session).not.toBe(first.session)
    expect(second.wallets.map((w) => w.userId).sort()).toEqual([first.wallet.userId, second.wallet.userId].sort())
    expect(groupsOf(h)).toEqual([2])
  })

  it('asks Snag for the host user’s account only when its record names another one than the session’s', async () => {
    const h = harness({ env: { HOST_TOKEN_SECRET: HOST_SECRET } })
    const userToken = { 'x-user-token': await valid('host-user-3') }
    const first = await linked((await h.linkEvm(evmWallet(), { headers: userToken })).response)
    await linked((await h.linkEvm(evmWallet(), { headers: { ...userToken, ...bearer(first.session) } })).response)
    h.emulator.calls.splice(0)
    await linked((await h.linkEvm(evmWallet(), { headers: { ...userToken, ...bearer(first.session) } })).response)
    expect(snagCalls(h)).toEqual(['wallet', 'account', 'wallet', 'POST /api/users/connect', 'wallet', 'POST /api/users/metadatas'])
  })

  it('refuses a link with a session of another account than the one the host user owns', async () => {
    const h = harness({ env: { HOST_TOKEN_SECRET: HOST_SECRET } })
    await linked((await h.linkEvm(evmWallet(), { headers: { 'x-user-token': await valid('bob') } })).response)
    const anonymous = await linked((await h.linkEvm(evmWallet())).response)
    const attempt = await h.linkEvm(evmWallet(), { headers: { 'x-user-token': await valid('bob'), ...bearer(anonymous.session) } })
    expect(await errorOf(attempt.response)).toMatchObject({
      status: 403,
      code: 'forbidden',
      message: expect.stringMatching(/another account/),
    })
    expect(groupsOf(h)).toEqual([])
  })

  it('reads the host user’s account from Snag once, under its lock, for a link with a host token alone', async () => {
    const h = harness({ env: { HOST_TOKEN_SECRET: HOST_SECRET } })
    const userToken = { 'x-user-token': await valid('host-user-4') }
    await linked((await h.linkEvm(evmWallet(), { headers: userToken })).response)
    await linked((await h.linkEvm(evmWallet(), { headers: userToken })).response)
    h.emulator.calls.splice(0)
    const third = await linked((await h.linkEvm(evmWallet(), { headers: userToken })).response)
    expect(third.wallets).toHaveLength(3)
    // The wallet before the locks, then under them the account and the wallet again, the connect, the wallet after it.
    expect(snagCalls(h)).toEqual(['wallet', 'account', 'wallet', 'POST /api/users/connect', 'wallet', 'POST /api/users/metadatas'])
  })

  it('makes one account of a new host user’s first links sent at once', async () => {
    const h = harness({ env: { HOST_TOKEN_SECRET: HOST_SECRET }, store: slowReads })
    const userToken = { 'x-user-token': await valid('host-user-5') }
    const wallets = [evmWallet(), evmWallet()]
    const sent = await Promise.all(wallets.map((wallet) => h.linkEvm(wallet, { headers: userToken })))
    // The one that waited for the host user's lock is asked to try again (the host user has an account now);
    // the widget's "Try again" sends the same proof, which the relay kept for that request.
    const answers = await Promise.all(
      sent.map(async ({ body, response }) => {
        if (response.status === 200) return response
        expect(await errorOf(response)).toMatchObject({ status: 503, code: 'upstream_unavailable' })
        return h.post('/v1/link', body, userToken)
      }),
    )
    const links = await Promise.all(answers.map(linked))
    expect(groupsOf(h)).toEqual([2])
    // Whichever came first, both sessions now prove the one account of both wallets.
    const both = links.map((link) => link.wallet.userId).sort()
    for (const { session } of links) {
      const listed = (await (await h.get('/v1/wallets', bearer(session))).json()) as WalletsResponse
      expect(listed.wallets.map((w) => w.userId).sort()).toEqual(both)
    }
  })

  it('signs in when a new browser proves a wallet the host user already linked', async () => {
    const h = harness({ env: { HOST_TOKEN_SECRET: HOST_SECRET } })
    const wallet = evmWallet()
    const userToken = { 'x-user-token': await valid('host-user-7') }
    const first = await linked((await h.linkEvm(wallet, { headers: userToken })).response)
    await linked((await h.linkSolana(solanaWallet(), { headers: bearer(first.session) })).response)
    const resumed = await linked((await h.linkEvm(wallet, { headers: userToken })).response)
    expect(resumed.wallets).toHaveLength(2)
  })

  it.each([
    ['expired', () => token({ sub: 'u', exp: Math.floor(START / 1000) - 1 })],
    [
      'signed with another secret',
      () => token({ sub: 'u', exp: Math.floor(START / 1000) + 300 }, 'another-secret-that-is-long-enough-000'),
    ],
    ['without expiry', () => token({ sub: 'u' })],
    ['without subject', () => token({ exp: Math.floor(START / 1000) + 300 })],
    ['not a JWT', async () => 'not-a-jwt'],
  ])('refuses a token %s with unauthorized', async (_, make) => {
    const h = harness({ env: { HOST_TOKEN_SECRET: HOST_SECRET } })
    const { response } = await h.linkEvm(evmWallet(), { headers: { 'x-user-token': await make() } })
    expect(await errorOf(response)).toMatchObject({ status: 401, code: 'unauthorized' })
    expect(h.emulator.state.snapshot().users).toEqual([])
  })

  it('refuses host tokens when no secret is configured', async () => {
    const h = harness()
    expect(await errorOf((await h.linkEvm(evmWallet(), { headers: { 'x-user-token': await valid('u') } })).response)).toMatchObject({
      code: 'unauthorized',
    })
  })

  it('refuses a session used with another host user’s token', async () => {
    const h = harness({ env: { HOST_TOKEN_SECRET: HOST_SECRET } })
    const first = await linked((await h.linkEvm(evmWallet(), { headers: { 'x-user-token': await valid('alice') } })).response)
    const response = await h.get('/v1/wallets', { ...bearer(first.session), 'x-user-token': await valid('mallory') })
    expect(await errorOf(response)).toMatchObject({ code: 'forbidden' })
  })
})

describe('the account cache', () => {
  const CACHE_MS = 10_000
  const userIdsOf = async (response: Response) => ((await response.json()) as WalletsResponse).wallets.map((w) => w.userId).sort()

  /** An account of two wallets whose last change is older than the cache's lifetime, and its session's headers. */
  async function settledAccount(h: ReturnType<typeof harness>) {
    const first = await linked((await h.linkEvm(evmWallet())).response)
    const auth = bearer(first.session)
    await linked((await h.linkEvm(evmWallet(), { headers: auth })).response)
    h.clock.advance(CACHE_MS + 1)
    return auth
  }

  it('serves an account’s list from the cache between changes', async () => {
    const h = harness()
    const auth = await settledAccount(h)
    h.emulator.calls.splice(0)
    const once = await userIdsOf(await h.get('/v1/wallets', auth))
    expect(await userIdsOf(await h.get('/v1/wallets', auth))).toEqual(once)
    expect(snagCalls(h)).toEqual(['account'])
  })

  it.each([
    ['answered just after it', 0],
    ['answered after the mark the change left has expired', CACHE_MS + 1],
  ])('never caches a list read before a change and %s', async (_, lateByMs) => {
    const h = harness()
    const auth = await settledAccount(h)
    const hold = holdNextUsersRead(h)
    const before = h.get('/v1/wallets', auth)
    await hold.handled
    const third = await linked((await h.linkEvm(evmWallet(), { headers: auth })).response)
    h.clock.advance(lateByMs)
    hold.release()
    expect(await userIdsOf(await before)).toHaveLength(2)
    expect(await userIdsOf(await h.get('/v1/wallets', auth))).toEqual(third.wallets.map((w) => w.userId).sort())
  })
})

describe('Velt sync', () => {
  const veltEnv = (h: ReturnType<typeof harness>) => ({
    VELT_API_URL: 'https://velt.emulator.test/',
    VELT_API_KEY: h.emulator.settings.velt.apiKey,
    VELT_AUTH_TOKEN: h.emulator.settings.velt.authToken,
    VELT_ORGANIZATION_ID: h.emulator.settings.velt.organizationId,
    VELT_USER_GROUP_ID: 'wallet-holders',
  })

  /** A harness whose relay syncs to the emulator's Velt, with the same credentials. */
  function veltHarness(extra: Record<string, string> = {}) {
    const probe = harness()
    const velt = { apiKey: probe.emulator.settings.velt.apiKey, authToken: probe.emulator.settings.velt.authToken, organizationId: 'org-1' }
    const env = { ...veltEnv(probe), VELT_ORGANIZATION_ID: 'org-1', ...extra }
    return harness({ env, emulator: { velt } })
  }

  it('adds the Snag user to the configured Velt group after a link', async () => {
    const h = veltHarness()
    const first = await linked((await h.linkEvm(evmWallet())).response)
    expect(first.velt).toEqual({ status: 'done', attempts: 1 })
    expect(h.emulator.state.snapshot().velt).toEqual({ 'org-1': { 'wallet-holders': [first.wallet.userId] } })
  })

  it('adds the host’s user id when a host token came with the link', async () => {
    const h = veltHarness({ HOST_TOKEN_SECRET: HOST_SECRET })
    const userToken = await sign({ sub: 'host-user-9', exp: Math.floor(START / 1000) + 300 }, HOST_SECRET, 'HS256')
    await linked((await h.linkEvm(evmWallet(), { headers: { 'x-user-token': userToken } })).response)
    expect(h.emulator.state.snapshot().velt['org-1']!['wallet-holders']).toEqual(['host-user-9'])
  })

  it('retries a failing Velt with backoff and reports the recovery', async () => {
    const h = veltHarness()
    h.emulator.faults.next('/v1/organizations/usergroups/users/add', {
      status: 503,
      body: { error: { message: 'busy', status: 'UNAVAILABLE' } },
    })
    h.emulator.faults.next('/v1/organizations/usergroups/users/add', { status: 503 })
    const first = await linked((await h.linkEvm(evmWallet())).response)
    expect(first.velt).toEqual({ status: 'done', attempts: 3 })
    expect(h.emulator.state.snapshot().velt['org-1']!['wallet-holders']).toEqual([first.wallet.userId])
  })

  it('never undoes or hides the Snag link when Velt keeps failing', async () => {
    const h = veltHarness()
    for (let i = 0; i < 3; i++) h.emulator.faults.next('/v1/organizations/usergroups/users/add', { status: 500 })
    const first = await linked((await h.linkEvm(evmWallet())).response)
    expect(first.velt).toEqual({ status: 'failed', attempts: 3 })
    expect(h.emulator.state.snapshot().users.map((u) => u.id)).toEqual([first.wallet.userId])
  })

  it('answers without waiting for a Velt that hangs, past its own deadline, and the link stands', async () => {
    const h = veltHarness({ SIDE_EFFECT_TIMEOUT_MS: '300', HOST_TOKEN_SECRET: HOST_SECRET })
    h.emulator.faults.next('/v1/organizations/usergroups/users/add', { delayMs: 5000 })
    h.emulator.faults.next('/api/users/metadatas', { delayMs: 5000 })
    const userToken = await sign({ sub: 'host-user-slow', exp: Math.floor(START / 1000) + 300 }, HOST_SECRET, 'HS256')
    const started = performance.now()
    const first = await linked((await h.linkEvm(evmWallet(), { headers: { 'x-user-token': userToken } })).response)
    // Both ran at once: the answer came after one deadline, not two, and long before the hanging calls would end.
    expect(performance.now() - started).toBeLessThan(1500)
    expect(first.velt).toMatchObject({ status: 'failed' })
    expect(first.hostAccount).toMatchObject({ status: 'failed' })
    expect(h.emulator.state.snapshot().users.map((u) => u.id)).toEqual([first.wallet.userId])
  })

  it('does not retry what retrying cannot fix (wrong credentials)', async () => {
    const h = veltHarness({ VELT_AUTH_TOKEN: 'wrong' })
    const first = await linked((await h.linkEvm(evmWallet())).response)
    expect(first.velt).toEqual({ status: 'failed', attempts: 1 })
  })
})
