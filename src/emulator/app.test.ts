import { describe, expect, it } from 'vitest'
import { evmWallet, type TestEvmWallet } from '../../test/support/evm.js'
import { createEmulator } from './app.js'

const BASE = 'http://snag.test'

function setup(maxWalletsPerGroup = 10) {
  const emulator = createEmulator({ snag: { maxWalletsPerGroup } })
  const { apiKey, websiteId, organizationId } = emulator.settings.snag
  const ids = { websiteId, organizationId }
  const call = async (path: string, body?: unknown, headers: Record<string, string> = { 'X-API-KEY': apiKey }) => {
    const response = await emulator.fetch(`${BASE}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }
  /** A connect body with a real signature over a message of the wallet's choosing. */
  const signed = async (wallet: TestEvmWallet, extra: Record<string, unknown> = {}) => {
    const message = `Link ${wallet.address} at ${Math.random()}`
    return {
      ...ids,
      walletType: 'evm',
      walletAddress: wallet.address,
      verificationData: { message, signature: await wallet.sign(message) },
      ...extra,
    }
  }
  return { emulator, ids, call, signed }
}

describe('emulated Snag: authentication and validation', () => {
  it('answers 403 with Snag’s message to a missing or wrong API key, on every route', async () => {
    const { call, ids } = setup()
    const forbidden = { status: 403, body: { message: 'Forbidden, Could not validate api key' } }
    expect(await call('/api/users/connect', { ...ids }, {})).toEqual(forbidden)
    expect(await call('/api/users/disconnect', { ...ids }, { 'X-API-KEY': 'wrong' })).toEqual(forbidden)
    expect(await call('/api/users/metadatas', { ...ids }, { 'X-API-KEY': 'wrong' })).toEqual(forbidden)
    expect(await call('/api/users', undefined, {})).toEqual(forbidden)
  })

  it('answers 403 when the ids are not the key’s own website and organization', async () => {
    const { call, signed } = setup()
    const body = await signed(evmWallet(), { websiteId: crypto.randomUUID() })
    expect(await call('/api/users/connect', body)).toMatchObject({ status: 403 })
  })

  it('answers 400 Not a valid request to bodies that are not JSON or off schema', async () => {
    const { call, ids, signed } = setup()
    const notValid = { status: 400, body: { message: 'Not a valid request' } }
    expect(await call('/api/users/connect', '{oops')).toEqual(notValid)
    expect(await call('/api/users/connect', { ...ids, walletType: 'evm' })).toEqual(notValid)
    expect(await call('/api/users/connect', await signed(evmWallet(), { walletType: 'bitcoin' }))).toEqual(notValid)
    expect(await call('/api/users/connect', await signed(evmWallet(), { userId: 'not-a-uuid' }))).toEqual(notValid)
    expect(await call('/api/users/disconnect', { ...ids })).toEqual(notValid)
    expect(await call('/api/users/metadatas', { ...ids, sybilScore: 0 })).toEqual(notValid)
    expect(await call('/api/users?limit=0')).toEqual(notValid)
  })

  it('answers 404 Not found to unknown routes', async () => {
    expect(await setup().call('/api/nope', {})).toEqual({ status: 404, body: { message: 'Not found' } })
  })
})

describe('emulated Snag: POST /api/users/connect', () => {
  it('creates one user per wallet and returns it again on a later connect', async () => {
    const { call, signed, emulator } = setup()
    const wallet = evmWallet()
    const first = await call('/api/users/connect', await signed(wallet))
    expect(first).toMatchObject({ status: 200, body: { walletAddress: wallet.address, id: expect.any(String) } })
    expect(Object.keys(first.body).sort()).toEqual(['createdAt', 'id', 'updatedAt', 'walletAddress'])
    const lower = await signed(wallet, { walletAddress: wallet.address.toLowerCase() })
    expect((await call('/api/users/connect', lower)).body.id).toBe(first.body.id)
    expect(emulator.state.snapshot().users).toHaveLength(1)
  })

  it('answers signatue is not valid to a signature by another key, a missing proof or a chain it cannot verify', async () => {
    const { call, signed, ids } = setup()
    const wallet = evmWallet()
    const body = await signed(wallet)
    const invalid = { status: 400, body: { message: 'signatue is not valid' } }
    const forged = {
      ...body,
      verificationData: { ...body.verificationData, signature: await evmWallet().sign(body.verificationData.message) },
    }
    expect(await call('/api/users/connect', forged)).toEqual(invalid)
    expect(await call('/api/users/connect', { ...ids, walletType: 'evm', walletAddress: wallet.address })).toEqual(invalid)
    expect(await call('/api/users/connect', { ...body, walletType: 'sui' })).toEqual(invalid)
  })

  it('skips its own check when the caller says it verified locally', async () => {
    const { call, ids } = setup()
    const answer = await call('/api/users/connect', {
      ...ids,
      walletType: 'sui',
      walletAddress: '0xabc',
      verificationData: { verifiedLocally: true },
    })
    expect(answer).toMatchObject({ status: 200, body: { walletAddress: '0xabc' } })
  })

  it('puts a wallet into the group of the given userId', async () => {
    const { call, signed, emulator } = setup()
    const a = await call('/api/users/connect', await signed(evmWallet()))
    const b = await call('/api/users/connect', await signed(evmWallet(), { userId: a.body.id }))
    expect(b.status).toBe(200)
    const { groups } = emulator.state.snapshot()
    expect(groups).toHaveLength(1)
    expect(groups[0]!.userIds.sort()).toEqual([a.body.id, b.body.id].sort())
  })

  it('answers User not found to an unknown userId', async () => {
    const { call, signed } = setup()
    const answer = await call('/api/users/connect', await signed(evmWallet(), { userId: crypto.randomUUID() }))
    expect(answer).toEqual({ status: 400, body: { message: 'User not found' } })
  })

  it('answers You cannot connect same wallet address to a wallet already in the group, or the user itself', async () => {
    const { call, signed } = setup()
    const wallet = evmWallet()
    const a = await call('/api/users/connect', await signed(wallet))
    const same = { status: 400, body: { message: 'You cannot connect same wallet address' } }
    expect(await call('/api/users/connect', await signed(wallet, { userId: a.body.id }))).toEqual(same)
    const other = evmWallet()
    await call('/api/users/connect', await signed(other, { userId: a.body.id }))
    expect(await call('/api/users/connect', await signed(other, { userId: a.body.id }))).toEqual(same)
  })

  it('moves a wallet out of another group only with confirmDisconnect', async () => {
    const { call, signed, emulator } = setup()
    const moving = evmWallet()
    const home = await call('/api/users/connect', await signed(evmWallet()))
    await call('/api/users/connect', await signed(moving, { userId: home.body.id }))
    const away = await call('/api/users/connect', await signed(evmWallet()))

    const refused = await call('/api/users/connect', await signed(moving, { userId: away.body.id }))
    expect(refused).toEqual({ status: 400, body: { message: 'You cannot connect same wallet address' } })
    const moved = await call('/api/users/connect', await signed(moving, { userId: away.body.id, confirmDisconnect: true }))
    expect(moved.status).toBe(200)
    const groupOf = (id: unknown) => emulator.state.users.get(id as string)!.userGroupId
    expect(groupOf(moved.body.id)).toBe(groupOf(away.body.id))
    expect(groupOf(moved.body.id)).not.toBe(groupOf(home.body.id))
  })

  it('answers MAXIMUM_ACCOUNT_LINKED past the configured maximum per group', async () => {
    const { call, signed, emulator } = setup(2)
    const a = await call('/api/users/connect', await signed(evmWallet()))
    expect((await call('/api/users/connect', await signed(evmWallet(), { userId: a.body.id }))).status).toBe(200)
    const third = await call('/api/users/connect', await signed(evmWallet(), { userId: a.body.id }))
    expect(third).toEqual({ status: 400, body: { message: 'Not a valid request', error: 'MAXIMUM_ACCOUNT_LINKED' } })
    expect(emulator.state.snapshot().users).toHaveLength(2)
  })
})

describe('emulated Snag: disconnect, metadatas, users', () => {
  it('disconnects a grouped user, and refuses one outside any group or unknown', async () => {
    const { call, signed, ids, emulator } = setup()
    const a = await call('/api/users/connect', await signed(evmWallet()))
    const b = await call('/api/users/connect', await signed(evmWallet(), { userId: a.body.id }))
    expect(await call('/api/users/disconnect', { ...ids, userId: b.body.id })).toEqual({ status: 200, body: { message: 'Success' } })
    expect(emulator.state.users.get(b.body.id as string)!.userGroupId).toBeNull()
    expect(await call('/api/users/disconnect', { ...ids, userId: b.body.id })).toEqual({
      status: 400,
      body: { message: 'User is not part of the group' },
    })
    expect(await call('/api/users/disconnect', { ...ids, userId: crypto.randomUUID() })).toEqual({
      status: 404,
      body: { message: 'Not found' },
    })
  })

  it('writes metadata within the documented limits and answers the documented shape', async () => {
    const { call, signed, ids, emulator } = setup()
    const wallet = evmWallet()
    const a = await call('/api/users/connect', await signed(wallet))
    const written = await call('/api/users/metadatas', { ...ids, userId: a.body.id, displayName: 'Ada', phoneNumber: '+14155552671' })
    expect(written).toMatchObject({
      status: 200,
      body: {
        ...ids,
        userGroupId: null,
        userGroup: null,
        walletGroupIdentifier: null,
        user: { id: a.body.id, walletAddress: wallet.address },
      },
    })
    expect(emulator.state.snapshot().metadata[a.body.id as string]).toMatchObject({ displayName: 'Ada', phoneNumber: '+14155552671' })

    const notValid = { status: 400, body: { message: 'Not a valid request' } }
    for (const bad of [
      { sybilScore: 101 },
      { phoneNumber: '004155552671' },
      { blockStatusReason: 'bored' },
      { bio: 'b'.repeat(256) },
      { steamUserId: 's'.repeat(129) },
      { emailAddress: 'not-an-email' },
    ])
      expect(await call('/api/users/metadatas', { ...ids, userId: a.body.id, ...bad })).toEqual(notValid)
    expect(await call('/api/users/metadatas', { ...ids, userId: crypto.randomUUID(), bio: 'x' })).toEqual({
      status: 400,
      body: { message: 'User not found' },
    })
  })

  it('lists users filtered by user group and by wallet address', async () => {
    const { call, signed } = setup()
    const first = evmWallet()
    const a = await call('/api/users/connect', await signed(first))
    const b = await call('/api/users/connect', await signed(evmWallet(), { userId: a.body.id }))
    await call('/api/users/connect', await signed(evmWallet()))
    const all = await call('/api/users')
    expect((all.body.data as unknown[]).length).toBe(3)
    const groupId = (all.body.data as { id: string; userGroupId: string }[]).find((u) => u.id === a.body.id)!.userGroupId
    const group = await call(`/api/users?userGroupId=${groupId}`)
    expect((group.body.data as { id: string }[]).map((u) => u.id).sort()).toEqual([a.body.id, b.body.id].sort())
    const byWallet = await call(`/api/users?walletAddress=${first.address.toLowerCase()}`)
    expect(byWallet.body).toEqual({ data: [expect.objectContaining({ id: a.body.id })], hasNextPage: false })
    expect((await call('/api/users?limit=1')).body.hasNextPage).toBe(true)
  })
})

describe('emulated Velt: add users to an organization user group', () => {
  const path = '/v1/organizations/usergroups/users/add'

  it('checks both headers, validates the body, and records membership', async () => {
    const { emulator } = setup()
    const { apiKey, authToken, organizationId } = emulator.settings.velt
    const send = async (body: unknown, headers: Record<string, string>) => {
      const response = await emulator.fetch(`${BASE}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      })
      return { status: response.status, body: await response.json() }
    }
    const auth = { 'x-velt-api-key': apiKey, 'x-velt-auth-token': authToken }
    const data = { organizationId, organizationUserGroupId: 'g1', userIds: ['u1'] }

    expect(await send({ data }, { 'x-velt-api-key': apiKey })).toMatchObject({
      status: 401,
      body: { error: { status: 'UNAUTHENTICATED' } },
    })
    expect(await send({ data: { ...data, userIds: [] } }, auth)).toMatchObject({
      status: 400,
      body: { error: { status: 'INVALID_ARGUMENT', message: expect.any(String) } },
    })
    expect(await send({ data: { ...data, organizationId: 'other' } }, auth)).toMatchObject({ status: 404 })
    expect(await send({ data }, auth)).toEqual({
      status: 200,
      body: {
        result: {
          status: 'success',
          message: 'Added organization users to group successfully.',
          data: { u1: { success: true, organizationUserGroupId: 'g1', message: 'User added to organization user group.' } },
        },
      },
    })
    expect(emulator.state.snapshot().velt).toEqual({ [organizationId]: { g1: ['u1'] } })
  })
})

describe('GET /__emulator/state', () => {
  it('shows users, groups, metadata and Velt groups to anyone, read-only', async () => {
    const { emulator } = setup()
    const response = await emulator.fetch(`${BASE}/__emulator/state`, { headers: { origin: 'http://demo.test' } })
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(await response.json()).toEqual({ users: [], groups: [], metadata: {}, velt: {} })
    const post = await emulator.fetch(`${BASE}/__emulator/state`, { method: 'POST' })
    expect(post.status).toBe(404)
  })
})
