import { describe, expect, it } from 'vitest'
import { emulatedChainsEnv } from '../relay/server.js'
import { flowAccountKey } from '../chains/flow_cadence/spec.js'
import { createChainStandIns } from './chains.js'

const post = (app: ReturnType<typeof createChainStandIns>['app'], path: string, body: unknown) =>
  app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

describe('the emulator’s chain stand-ins', () => {
  it('create an account once: the same keys again are fine, other keys are refused, nonsense is a 400', async () => {
    const { app } = createChainStandIns()
    const account = { address: '0x0123456789abcdef', keys: [flowAccountKey('aa'.repeat(64))] }
    expect((await post(app, '/flow/accounts', account)).status).toBe(201)
    expect((await post(app, '/flow/accounts', account)).status).toBe(200)
    expect((await post(app, '/flow/accounts', { ...account, keys: [flowAccountKey('bb'.repeat(64))] })).status).toBe(409)
    expect((await post(app, '/flow/accounts', { address: 'x', keys: [] })).status).toBe(400)
    const read = await (await app.request('/flow/v1/accounts/0123456789abcdef?expand=keys')).json()
    expect(read).toMatchObject({ address: '0123456789abcdef', keys: [{ public_key: 'aa'.repeat(64) }] })
    expect((await app.request('/flow/v1/accounts/0000000000000001?expand=keys')).status).toBe(404)

    const auth = { threshold: 1, keys: [{ key: 'PUB_K1_x', weight: 1 }], accounts: [], waits: [] }
    const ultra = { account_name: 'alice', permissions: [{ perm_name: 'active', parent: 'owner', required_auth: auth }] }
    expect((await post(app, '/antelope/accounts', ultra)).status).toBe(201)
    const other = { ...auth, keys: [{ key: 'PUB_K1_y', weight: 1 }] }
    expect(
      (await post(app, '/antelope/accounts', { ...ultra, permissions: [{ ...ultra.permissions[0], required_auth: other }] })).status,
    ).toBe(409)
    const unknown = await post(app, '/antelope/v1/chain/get_account', { account_name: 'bob' })
    expect(unknown.status).toBe(500)
    expect(await unknown.json()).toMatchObject({ error: { details: [{ message: 'unknown key (eosio::chain::name): bob' }] } })
  })

  it('answer for an EVM chain without contracts: its id, no code, every call reverts', async () => {
    const { app } = createChainStandIns()
    const ask = async (method: string) => (await post(app, '/evm/2741', { jsonrpc: '2.0', id: 7, method, params: [] })).json()
    expect(await ask('eth_chainId')).toEqual({ jsonrpc: '2.0', id: 7, result: '0xab5' })
    expect(await ask('eth_getCode')).toEqual({ jsonrpc: '2.0', id: 7, result: '0x' })
    expect(await ask('eth_call')).toMatchObject({ error: { code: 3, message: 'execution reverted' } })
    expect(await ask('eth_sendRawTransaction')).toMatchObject({ error: { code: -32601 } })
  })
})

describe('--emulate’s chain settings', () => {
  it('turn every chain on and point the chains that ask a node at the stand-ins, keeping what the environment names', () => {
    const env = emulatedChainsEnv({ EVM_RPC_URLS: '1=https://eth.example,13371=https://imx.example' }, 'http://127.0.0.1:9/')
    expect(env.CHAINS?.split(',')).toHaveLength(10)
    expect(env.ULTRA_RPC_URL).toBe('http://127.0.0.1:9/antelope')
    expect(env.FLOW_ACCESS_NODE_URL).toBe('http://127.0.0.1:9/flow')
    expect(env.EVM_RPC_URLS).toBe('1=https://eth.example,13371=https://imx.example,2741=http://127.0.0.1:9/evm/2741')
    expect(emulatedChainsEnv({ CHAINS: 'evm', ULTRA_RPC_URL: 'https://ultra.example' }, 'http://x').CHAINS).toBe('evm')
    expect(emulatedChainsEnv({ ULTRA_RPC_URL: 'https://ultra.example' }, 'http://x').ULTRA_RPC_URL).toBe('https://ultra.example')
  })
})
