import { describe, expect, it, vi } from 'vitest'
import { evmWallet } from '../../test/support/evm.js'
import { freePort } from '../../test/support/redis.js'
import { createEmulator } from '../emulator/app.js'
import { RelayError, type ErrorCode } from '../protocol/errors.js'
import { createSnagClient, type SnagClientOptions } from './snag.js'

const API_URL = 'https://snag.emulator.test/'

function setup(overrides: Partial<SnagClientOptions> = {}, maxWalletsPerGroup = 10) {
  const emulator = createEmulator({ snag: { maxWalletsPerGroup } })
  const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() }
  const snag = createSnagClient({
    apiUrl: API_URL,
    ...emulator.settings.snag,
    timeoutMs: 2000,
    fetch: emulator.fetch,
    logger,
    ...overrides,
  })
  return { emulator, snag, logger }
}

async function proof() {
  const wallet = evmWallet()
  const message = `I own ${wallet.address}`
  return {
    walletType: 'evm' as const,
    walletAddress: wallet.address,
    verificationData: { message, signature: await wallet.sign(message) },
  }
}

async function codeOf(promise: Promise<unknown>): Promise<{ code: ErrorCode; retryAfter?: number | undefined }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  if (!(error instanceof RelayError)) throw new Error(`expected a RelayError, got ${String(error)}`)
  return { code: error.code, ...(error.retryAfter === undefined ? {} : { retryAfter: error.retryAfter }) }
}

describe('Snag client: answers Snag documents', () => {
  it('returns the parsed connect answer', async () => {
    const { snag } = setup()
    const input = await proof()
    expect(await snag.connect(input)).toEqual({
      id: expect.any(String),
      walletAddress: input.walletAddress,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    })
  })

  it('maps User not found to user_not_found', async () => {
    const { snag } = setup()
    expect(await codeOf(snag.connect({ ...(await proof()), userId: crypto.randomUUID() }))).toEqual({ code: 'user_not_found' })
  })

  it('maps You cannot connect same wallet address to already_linked', async () => {
    const { snag } = setup()
    const input = await proof()
    const user = await snag.connect(input)
    expect(await codeOf(snag.connect({ ...input, userId: user.id }))).toEqual({ code: 'already_linked' })
  })

  it('maps signatue is not valid to signature_invalid', async () => {
    const { snag } = setup()
    const input = await proof()
    const forged = { ...input, verificationData: { ...input.verificationData, message: 'something else' } }
    expect(await codeOf(snag.connect(forged))).toEqual({ code: 'signature_invalid' })
  })

  it('maps MAXIMUM_ACCOUNT_LINKED to max_wallets_linked', async () => {
    const { snag } = setup({}, 1)
    const user = await snag.connect(await proof())
    expect(await codeOf(snag.connect({ ...(await proof()), userId: user.id }))).toEqual({ code: 'max_wallets_linked' })
  })

  it('maps Not a valid request to upstream_rejected: the relay sent what Snag refuses', async () => {
    const { snag } = setup()
    expect(await codeOf(snag.connect({ ...(await proof()), walletType: 'bitcoin' as 'evm' }))).toEqual({ code: 'upstream_rejected' })
  })

  it('maps a refused API key to upstream_unavailable and says so loudly in the log, without the key', async () => {
    const { snag, logger } = setup({ apiKey: 'wrong-key-123' })
    expect(await codeOf(snag.connect(await proof()))).toEqual({ code: 'upstream_unavailable' })
    expect(logger.error).toHaveBeenCalledWith(expect.objectContaining({ status: 403 }), expect.stringMatching(/SNAG_API_KEY/))
    expect(JSON.stringify(logger.error.mock.calls)).not.toContain('wrong-key-123')
  })

  it('maps a 404 on connect to upstream_unavailable (wrong SNAG_API_URL)', async () => {
    const { snag, logger } = setup({ apiUrl: `${API_URL}wrong/` })
    expect(await codeOf(snag.connect(await proof()))).toEqual({ code: 'upstream_unavailable' })
    expect(logger.error).toHaveBeenCalledWith(expect.anything(), expect.stringMatching(/SNAG_API_URL/))
  })

  it('maps a 500 to upstream_unavailable', async () => {
    const { snag, emulator } = setup()
    emulator.faults.next('/api/users/connect', { status: 500, body: { success: false, message: 'Internal server error' } })
    expect(await codeOf(snag.connect(await proof()))).toEqual({ code: 'upstream_unavailable' })
  })

  it('maps a 429 to upstream_unavailable, keeping Retry-After', async () => {
    const { snag, emulator } = setup()
    emulator.faults.next('/api/users/connect', { status: 429, body: { message: 'slow down' }, headers: { 'retry-after': '7' } })
    expect(await codeOf(snag.connect(await proof()))).toEqual({ code: 'upstream_unavailable', retryAfter: 7 })
  })

  it('maps a 400 with a message Snag does not document to upstream_rejected', async () => {
    const { snag, emulator } = setup()
    emulator.faults.next('/api/users/connect', { status: 400, body: { message: 'Something new', error: 'NEW' } })
    expect(await codeOf(snag.connect(await proof()))).toEqual({ code: 'upstream_rejected' })
  })

  it('maps an unexpected status to upstream_rejected', async () => {
    const { snag, emulator } = setup()
    emulator.faults.next('/api/users/connect', { status: 418, body: { message: 'teapot' } })
    expect(await codeOf(snag.connect(await proof()))).toEqual({ code: 'upstream_rejected' })
  })
})

describe('Snag client: transport failures and bad answers', () => {
  it('maps a refused connection to upstream_unavailable', async () => {
    const { snag } = setup({ apiUrl: 'http://127.0.0.1:1/', fetch: globalThis.fetch })
    expect(await codeOf(snag.connect(await proof()))).toEqual({ code: 'upstream_unavailable' })
  })

  it('keeps the cause of a refused connection in the error details', async () => {
    const { snag } = setup({ apiUrl: `http://127.0.0.1:${await freePort()}/`, fetch: globalThis.fetch })
    const error = (await snag.connect(await proof()).catch((e: unknown) => e)) as RelayError
    expect(error.details).toMatch(/^snag POST \/api\/users\/connect: TypeError: fetch failed \(ECONNREFUSED\)$/)
  })

  it('refuses a redirect without following it (Workers cannot fetch with redirect: error)', async () => {
    const redirects: string[] = []
    const { snag } = setup({
      fetch: async (_input, init) => {
        redirects.push(String(init?.redirect))
        return new Response(null, { status: 307, headers: { location: 'https://elsewhere.example/api/users/connect?key=secret' } })
      },
    })
    const error = (await snag.connect(await proof()).catch((e: unknown) => e)) as RelayError
    expect(error.code).toBe('upstream_unavailable')
    expect(error.details).toContain('answered with a redirect (307)')
    expect(redirects).toEqual(['manual'])
  })

  it('gives up after its timeout with upstream_timeout', async () => {
    const { snag, emulator } = setup({ timeoutMs: 50 })
    emulator.faults.next('/api/users/connect', { delayMs: 1000 })
    const started = performance.now()
    expect(await codeOf(snag.connect(await proof()))).toEqual({ code: 'upstream_timeout' })
    expect(performance.now() - started).toBeLessThan(900)
  })

  it('maps a body that is not JSON to upstream_rejected', async () => {
    const { snag, emulator } = setup()
    emulator.faults.next('/api/users/connect', { malformed: true })
    expect(await codeOf(snag.connect(await proof()))).toEqual({ code: 'upstream_rejected' })
  })

  it('maps a 200 off schema to upstream_rejected', async () => {
    const { snag, emulator } = setup()
    emulator.faults.next('/api/users/connect', { status: 200, body: { id: 'not-a-uuid', walletAddress: 1 } })
    expect(await codeOf(snag.connect(await proof()))).toEqual({ code: 'upstream_rejected' })
  })
})

describe('Snag client: disconnect, metadatas and users', () => {
  it('disconnects, and maps the documented refusals', async () => {
    const { snag } = setup()
    const first = await snag.connect(await proof())
    const second = await snag.connect({ ...(await proof()), userId: first.id })
    expect(await snag.disconnect(second.id)).toEqual({ message: 'Success' })
    expect(await codeOf(snag.disconnect(second.id))).toEqual({ code: 'user_not_found' })
    expect(await codeOf(snag.disconnect(crypto.randomUUID()))).toEqual({ code: 'user_not_found' })
  })

  it('writes metadata and lists a group', async () => {
    const { snag } = setup()
    const first = await snag.connect(await proof())
    await snag.connect({ ...(await proof()), userId: first.id })
    const written = await snag.writeMetadata({ userId: first.id, displayName: 'Ada' })
    expect(written.user.id).toBe(first.id)
    const listed = await snag.listUsers({ userGroupId: written.userGroupId! })
    expect(listed.data).toHaveLength(2)
    expect(await codeOf(snag.writeMetadata({ userId: crypto.randomUUID(), bio: 'x' }))).toEqual({ code: 'user_not_found' })
  })
})

describe('Snag client: listing users', () => {
  async function groupOf(size: number) {
    const { emulator, snag } = setup({ pageSize: 2 })
    const first = await snag.connect(await proof())
    for (let i = 1; i < size; i++) await snag.connect({ ...(await proof()), userId: first.id })
    const groupId = emulator.state.users.get(first.id)!.userGroupId!
    return { emulator, snag, groupId }
  }

  it('follows every page of a list', async () => {
    const { emulator, snag, groupId } = await groupOf(5)
    const users = await snag.listAllUsers({ userGroupId: groupId }, () => true)
    expect(users.map((user) => user.id).sort()).toEqual(
      emulator.state
        .members(groupId)
        .map((user) => user.id)
        .sort(),
    )
    expect(emulator.calls.filter((call) => call.path === '/api/users')).toHaveLength(3)
  })

  it('stops after a bounded number of pages', async () => {
    const { snag, groupId } = await groupOf(7)
    expect(await codeOf(snag.listAllUsers({ userGroupId: groupId }, () => true, 3))).toEqual({ code: 'upstream_rejected' })
  })

  it('refuses an answer holding a user outside the filter, or one the caller’s check refuses', async () => {
    const { emulator, snag, groupId } = await groupOf(2)
    const stranger = await snag.connect(await proof())
    const outside = emulator.state.toSnagUser(emulator.state.users.get(stranger.id)!)
    emulator.faults.next('/api/users', { status: 200, body: { data: [outside], hasNextPage: false } })
    expect(await codeOf(snag.listAllUsers({ userGroupId: groupId }, () => true))).toEqual({ code: 'upstream_rejected' })
    expect(await codeOf(snag.listAllUsers({ walletAddress: outside.walletAddress }, () => false))).toEqual({ code: 'upstream_rejected' })
  })

  it('refuses a page that is empty yet says more follow', async () => {
    const { emulator, snag, groupId } = await groupOf(2)
    emulator.faults.next('/api/users', { status: 200, body: { data: [], hasNextPage: true } })
    expect(await codeOf(snag.listAllUsers({ userGroupId: groupId }, () => true))).toEqual({ code: 'upstream_rejected' })
  })
})
