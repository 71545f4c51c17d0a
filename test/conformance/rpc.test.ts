/**
 * Verifiers that ask a chain: the RPC endpoint an operator configures is held to a
 * deadline with one retry, and a chain that is down or slow is
 * `dependency_unavailable` (503, retryable), never a bad signature. The endpoint
 * is a local stand-in (node:http) for the throwaway chain's account API.
 */
import { createServer, type Server } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { SERVER_CHAINS } from '../../src/chains/server-registry.js'
import { createRpc } from '../../src/relay/rpc.js'
import { testchainKit } from '../fixtures/testchain/kit.js'
import { testchainServer } from '../fixtures/testchain/server.js'
import { errorOf, harness } from '../support/harness.js'

type Behaviour = 'active' | 'slow' | 'down' | 'inactive'

let servers: Server[] = []
afterEach(async () => {
  for (const server of servers) server.closeAllConnections()
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
  servers = []
})

/** An account API that behaves as told, and counts what it is asked. */
async function accountApi(behaviour: () => Behaviour) {
  const asked: string[] = []
  const server = createServer((request, response) => {
    asked.push(request.url ?? '')
    const now = behaviour()
    if (now === 'slow') return void setTimeout(() => response.end('{"active":true}'), 1000)
    if (now === 'down') return void response.writeHead(503).end()
    response.setHeader('content-type', 'application/json').end(JSON.stringify({ active: now === 'active' }))
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${port}/`, asked }
}

const chains = [...Object.values(SERVER_CHAINS), testchainServer]

async function link(behaviour: () => Behaviour, timeoutMs = '300') {
  const api = await accountApi(behaviour)
  // The relay reaches the stand-in over real HTTP; Snag stays the in-process emulator.
  const h = harness({ chains, env: { TESTCHAIN_RPC_URL: api.url, RPC_TIMEOUT_MS: timeoutMs } })
  const wallet = testchainKit.wallet()
  const challenge = await h.challenge(wallet.challengeRequest())
  const body = { walletType: 'testchain', walletAddress: wallet.address, verificationData: await wallet.prove(challenge) }
  return { h, api, body, send: () => h.post('/v1/link', body) }
}

describe('verifiers that ask a chain', () => {
  it('link once the chain confirms', async () => {
    const { api, send } = await link(() => 'active')
    expect((await send()).status).toBe(200)
    expect(api.asked).toHaveLength(1)
  })

  it('answer dependency_unavailable (retryable) when the chain is slow, after one retry, and link the same proof once it answers', async () => {
    let behaviour: Behaviour = 'slow'
    const { h, api, send } = await link(() => behaviour)
    const refused = await send()
    expect(refused.status).toBe(503)
    expect(await refused.json()).toMatchObject({ error: { code: 'dependency_unavailable', retryable: true } })
    expect(api.asked).toHaveLength(2)
    expect(h.emulator.calls.filter((call) => call.path === '/api/users/connect')).toHaveLength(0)
    behaviour = 'active'
    expect((await send()).status).toBe(200)
  })

  it('answer dependency_unavailable when the chain is down, never signature_invalid', async () => {
    const { send } = await link(() => 'down')
    expect(await errorOf(await send())).toMatchObject({ status: 503, code: 'dependency_unavailable' })
  })

  it('refuse what the chain denies as the proof’s fault', async () => {
    const { send } = await link(() => 'inactive')
    expect(await errorOf(await send())).toMatchObject({ code: 'signature_invalid' })
  })
})

describe('the RPC endpoints', () => {
  it('retry once a passing failure, and follow the caller’s signal without retrying', async () => {
    const answers: Behaviour[] = ['down', 'active']
    const api = await accountApi(() => answers.shift() ?? 'active')
    const node = createRpc({ urls: { x: api.url }, timeoutMs: 500 })('x')!
    expect((await node.fetch(new URL('accounts/a', node.url))).status).toBe(200)
    expect(api.asked).toHaveLength(2)

    const slow = await accountApi(() => 'slow')
    const controller = new AbortController()
    const call = createRpc({ urls: { x: slow.url }, timeoutMs: 5000 })('x')!.fetch(slow.url, { signal: controller.signal })
    setTimeout(() => controller.abort(), 50)
    await expect(call).rejects.toMatchObject({ name: 'AbortError' })
    expect(slow.asked).toHaveLength(1)
  })

  it('are not there for a reference nobody configured', () => {
    expect(createRpc({ urls: { x: 'http://127.0.0.1:1/' }, timeoutMs: 100 })('y')).toBeUndefined()
  })
})
