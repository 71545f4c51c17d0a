/**
 * Smart-contract wallets against a real EVM node: Safe 1.4.1's own contracts on
 * anvil, the relay reaching anvil over HTTP through EVM_RPC_URLS, Snag being the
 * in-process emulator.
 */
import { privateKeyToAccount, generatePrivateKey } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAnvil, type Anvil } from '../../../test/support/anvil.js'
import { evmWallet } from '../../../test/support/evm.js'
import { errorOf, harness, type Harness, type HarnessOptions } from '../../../test/support/harness.js'
import { deploySafe, type SafeDeployment } from '../../../test/support/safe.js'

let anvil: Anvil
let safe: SafeDeployment

beforeAll(async () => {
  anvil = await startAnvil(1)
  safe = await deploySafe(anvil)
}, 60_000)
afterAll(() => anvil?.stop())

type Account = Awaited<ReturnType<SafeDeployment['account']>>

/** A relay whose chain 1 RPC is anvil, counting the calls it makes there. */
function relay(options: HarnessOptions = {}) {
  const rpcCalls: string[] = []
  const h = harness({
    ...options,
    env: { EVM_RPC_URLS: `1=${anvil.url}`, ...options.env },
    rpcFetch: async (input, init) => {
      rpcCalls.push(JSON.parse(String(init?.body)).method)
      return fetch(input, init)
    },
  })
  return Object.assign(h, { rpcCalls })
}

const connects = (h: Harness) => h.emulator.calls.filter((call) => call.path === '/api/users/connect').length

/** Links `account` with the signature `sign` makes of the relay's SIWE message. */
async function linkAccount(h: Harness, account: Account, sign: (message: string) => Promise<string>) {
  const challenge = await h.challenge({ walletType: 'evm', address: account.address, chainId: 1 })
  const signature = await sign(challenge.message!)
  return h.post('/v1/link', {
    walletType: 'evm',
    walletAddress: account.address,
    verificationData: { message: challenge.message, signature },
  })
}

describe('smart-contract wallets (Safe 1.4.1 on anvil)', () => {
  it('links a deployed Safe through ERC-1271, telling Snag the relay checked it', async () => {
    const h = relay()
    const bodies = h.connectBodies()
    const account = await safe.account(privateKeyToAccount(generatePrivateKey()))
    await account.deploy()
    const response = await linkAccount(h, account, (message) => account.sign(message))
    expect(response.status).toBe(200)
    expect((await response.json()).wallet).toMatchObject({ walletType: 'evm', walletAddress: account.address })
    expect(h.rpcCalls).toEqual(['eth_getCode', 'eth_call'])
    expect(bodies).toEqual([expect.objectContaining({ verificationData: expect.objectContaining({ verifiedLocally: true }) })])
  })

  it('links a Safe not deployed yet through ERC-6492, without deploying it', async () => {
    const h = relay()
    const account = await safe.account(privateKeyToAccount(generatePrivateKey()))
    const response = await linkAccount(h, account, (message) => account.sign6492(message))
    expect(response.status).toBe(200)
    expect(await account.deployed()).toBe(false)
    expect(h.emulator.state.snapshot().users).toEqual([expect.objectContaining({ walletAddress: account.address })])
  })

  it('links a deployed Safe whose wallet still wraps its signature per ERC-6492, asking the account alone', async () => {
    const h = relay()
    const account = await safe.account(privateKeyToAccount(generatePrivateKey()))
    await account.deploy()
    const response = await linkAccount(h, account, (message) => account.sign6492(message))
    expect(response.status).toBe(200)
    expect(h.rpcCalls).toEqual(['eth_getCode', 'eth_call'])
  })

  it('refuses a signature by a key that does not own the Safe, deployed or inside a 6492 wrapper, with no Snag call', async () => {
    const h = relay()
    const stranger = privateKeyToAccount(generatePrivateKey())
    const deployed = await safe.account(privateKeyToAccount(generatePrivateKey()))
    await deployed.deploy()
    const counterfactual = await safe.account(privateKeyToAccount(generatePrivateKey()))
    for (const [account, sign] of [
      [deployed, (m: string) => deployed.sign(m, stranger)],
      [counterfactual, (m: string) => counterfactual.sign6492(m, stranger)],
      [counterfactual, (m: string) => counterfactual.sign(m)],
    ] as const) {
      const response = await linkAccount(h, account, sign)
      expect(await errorOf(response)).toMatchObject({ status: 401, code: 'signature_invalid' })
    }
    expect(connects(h)).toBe(0)
  })

  it('refuses the owner’s signature for another Safe of the same owner', async () => {
    const h = relay()
    const owner = privateKeyToAccount(generatePrivateKey())
    const [mine, other] = [await safe.account(owner), await safe.account(owner)]
    await mine.deploy()
    await other.deploy()
    const response = await linkAccount(h, mine, (message) => other.sign(message))
    expect(await errorOf(response)).toMatchObject({ code: 'signature_invalid' })
  })

  it('links a plain key with no RPC call, leaving Snag to check it', async () => {
    const h = relay()
    const bodies = h.connectBodies()
    const { response } = await h.linkEvm(evmWallet())
    expect(response.status).toBe(200)
    expect(h.rpcCalls).toEqual([])
    expect(bodies).toEqual([expect.objectContaining({ verificationData: expect.not.objectContaining({ verifiedLocally: true }) })])
  })

  it('refuses a contract’s signature on a chain without an RPC endpoint: wallet_unsupported for a 6492 wrapper', async () => {
    const h = harness()
    const account = await safe.account(privateKeyToAccount(generatePrivateKey()))
    expect(await errorOf(await linkAccount(h, account, (m) => account.sign6492(m)))).toMatchObject({ code: 'wallet_unsupported' })
    expect(await errorOf(await linkAccount(h, account, (m) => account.sign(m)))).toMatchObject({ code: 'signature_invalid' })
  })

  it('answers 503 dependency_unavailable while the node is down or too slow, and links the same proof once it answers', async () => {
    const gate = await rpcGate(anvil.url)
    const h = relay({ env: { RPC_TIMEOUT_MS: '300', EVM_RPC_URLS: `1=${gate.url}` } })
    const account = await safe.account(privateKeyToAccount(generatePrivateKey()))
    await account.deploy()
    const challenge = await h.challenge({ walletType: 'evm', address: account.address, chainId: 1 })
    const body = {
      walletType: 'evm',
      walletAddress: account.address,
      verificationData: { message: challenge.message, signature: await account.sign(challenge.message!) },
    }
    try {
      for (const mode of ['down', 'slow', 'failing'] as const) {
        gate.mode = mode
        const response = await h.post('/v1/link', body)
        expect(response.status).toBe(503)
        expect(response.headers.get('retry-after')).toBe('1')
        expect(await response.json()).toMatchObject({ error: { code: 'dependency_unavailable', retryable: true } })
      }
      expect(connects(h)).toBe(0)
      gate.mode = 'up'
      expect((await h.post('/v1/link', body)).status).toBe(200)
    } finally {
      await gate.close()
    }
  })
})

describe('an Abstract Global Wallet account (agw) on a node with chain id 2741', () => {
  // AGW's own account contracts run on zkSync's EraVM, which anvil does not execute: a Safe
  // stands in for the account. What is tested is the agw path: its chain id, its RPC, its walletType.
  it('links as agw, counterfactual and deployed, checked on the chain AGW_CHAIN_ID names', async () => {
    const abstract = await startAnvil(2741)
    try {
      const safes = await deploySafe(abstract)
      const h = harness({ env: { CHAINS: 'evm,agw', EVM_RPC_URLS: `2741=${abstract.url}` } })
      for (const deploy of [false, true]) {
        const account = await safes.account(privateKeyToAccount(generatePrivateKey()))
        if (deploy) await account.deploy()
        const challenge = await h.challenge({ walletType: 'agw', address: account.address, chainId: 2741 })
        expect(challenge.message).toContain('Chain ID: 2741')
        const signature = deploy ? await account.sign(challenge.message!) : await account.sign6492(challenge.message!)
        const response = await h.post('/v1/link', {
          walletType: 'agw',
          walletAddress: account.address,
          verificationData: { message: challenge.message, signature },
        })
        expect(response.status).toBe(200)
        expect((await response.json()).wallet).toMatchObject({ walletType: 'agw', walletAddress: account.address })
      }
      expect(h.emulator.state.snapshot().users.map((user) => user.walletType)).toEqual(['agw', 'agw'])
      // Another chain id than AGW_CHAIN_ID is refused before anything is signed.
      expect(await errorOf(await h.post('/v1/challenge', { walletType: 'agw', address: evmWallet().address, chainId: 1 }))).toMatchObject({
        code: 'chain_not_allowed',
      })
    } finally {
      await abstract.stop()
    }
  })
})

/** A stand-in in front of the node that can refuse connections, answer late, or answer JSON-RPC errors of its own. */
async function rpcGate(target: string) {
  const { createServer } = await import('node:http')
  const state = { mode: 'up' as 'up' | 'down' | 'slow' | 'failing' }
  const server = createServer(async (request, response) => {
    if (state.mode === 'down') return void request.socket.destroy()
    let body = ''
    for await (const chunk of request) body += chunk
    if (state.mode === 'failing') {
      const { id } = JSON.parse(body)
      return void response
        .setHeader('content-type', 'application/json')
        .end(JSON.stringify({ jsonrpc: '2.0', id, error: { code: -32005, message: 'limit exceeded' } }))
    }
    if (state.mode === 'slow') await new Promise((resolve) => setTimeout(resolve, 1000))
    const answer = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    response.setHeader('content-type', 'application/json').end(await answer.text())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(resolve))
    },
  })
}
