/**
 * Local stand-ins for the two chain APIs the relay asks about accounts (the public
 * nodes are not reachable from here), answering in the shapes their documentation
 * publishes, for the accounts registered with them (the tests' kits, the demo's
 * wallets):
 *
 * - Antelope (Ultra) `POST /antelope/v1/chain/get_account` — the chain API of
 *   Spring/Leap nodes ("get_account", docs.eosnetwork.com, chain API reference):
 *   `account_name`, `permissions[]` of `{ perm_name, parent, required_auth: { threshold,
 *   keys[{ key, weight }], accounts, waits } }`; an unknown account is HTTP 500
 *   `{ code, message, error: { code: 0, name: "exception", what: "unspecified",
 *   details: [{ message: "unknown key (eosio::chain::name): <name>" … }] } }`, as those
 *   nodes answer it.
 * - Flow `GET /flow/v1/accounts/{address}?expand=keys` — the Access API's REST
 *   interface (developers.flow.com, Access API REST reference, "Get an Account"):
 *   `address`, `balance`, `keys[]` of `{ index, public_key, signing_algorithm,
 *   hashing_algorithm, sequence_number, weight, revoked }` (numbers as strings); an
 *   unknown account is HTTP 404 `{ code, message }`. `GET /flow/v1/network/parameters`
 *   ("Get Network Parameters": `{ chain_id }`) answers `flow-mainnet`, what FCL asks
 *   a page's access node to learn its network.
 *
 * - EVM `POST /evm/{chainId}` — a JSON-RPC endpoint of a chain with no contracts
 *   (`eth_chainId`, `eth_getCode` → `0x`, `eth_call` reverts), standing in for the
 *   endpoints agw and imx need in `EVM_RPC_URLS`: on it, only plain keys prove.
 *
 * `POST /antelope/accounts` and `POST /flow/accounts` register an account (the
 * stand-in's own routes, standing for an account created on chain). As on a chain,
 * an account is created once: registering it again with other keys is refused
 * (409), so that nobody takes over an account another visitor registered.
 */
import { Hono, type Context } from 'hono'
import { cors } from 'hono/cors'
import { z } from 'zod/mini'
import type { FlowAccountKey } from '../chains/flow_cadence/spec.js'

export type AntelopePermission = {
  perm_name: string
  parent: string
  required_auth: { threshold: number; keys: { key: string; weight: number }[]; accounts: unknown[]; waits: unknown[] }
}
/** Accounts a stand-in holds at most (a public demo's visitors register theirs). */
const MAX_ACCOUNTS = 100_000

const AntelopeAccount = z.object({
  account_name: z.string().check(z.regex(/^[a-z1-5.]{1,12}$/)),
  permissions: z
    .array(
      z.object({
        perm_name: z.string().check(z.maxLength(12)),
        parent: z.string().check(z.maxLength(12)),
        required_auth: z.object({
          threshold: z.number().check(z.int(), z.positive()),
          keys: z
            .array(z.object({ key: z.string().check(z.maxLength(128)), weight: z.number().check(z.int(), z.positive()) }))
            .check(z.maxLength(8)),
          accounts: z.array(z.never()),
          waits: z.array(z.never()),
        }),
      }),
    )
    .check(z.minLength(1), z.maxLength(4)),
})
const FlowAccount = z.object({
  address: z.string().check(z.regex(/^(0x)?[0-9a-fA-F]{16}$/)),
  keys: z
    .array(
      z.object({
        index: z.string().check(z.regex(/^\d{1,3}$/)),
        public_key: z.string().check(z.regex(/^(0x)?[0-9a-f]{128}$/)),
        signing_algorithm: z.enum(['ECDSA_P256', 'ECDSA_secp256k1']),
        hashing_algorithm: z.enum(['SHA2_256', 'SHA3_256']),
        sequence_number: z.string().check(z.regex(/^\d{1,9}$/)),
        weight: z.string().check(z.regex(/^\d{1,4}$/)),
        revoked: z.boolean(),
      }),
    )
    .check(z.minLength(1), z.maxLength(8)),
})

/** Stores `value` under `key` once: the same value again is fine, another is a conflict (409). */
function createOnce<T>(map: Map<string, T>, key: string, value: T, c: Context) {
  const held = map.get(key)
  if (held !== undefined)
    return JSON.stringify(held) === JSON.stringify(value) ? c.json({ ok: true }) : c.json({ message: 'account exists' }, 409)
  if (map.size >= MAX_ACCOUNTS) return c.json({ message: 'stand-in full' }, 503)
  map.set(key, value)
  return c.json({ ok: true }, 201)
}

export function createChainStandIns() {
  const antelope = new Map<string, AntelopePermission[]>()
  const flow = new Map<string, FlowAccountKey[]>()
  const flowAddress = (address: string) => address.toLowerCase().replace(/^0x/, '').padStart(16, '0')

  const app = new Hono()
    // A demo page on another origin (`npm start`) creates its wallets' accounts.
    .use('/antelope/accounts', cors())
    .use('/flow/accounts', cors())
    .use('/flow/v1/*', cors())
    .post('/antelope/accounts', async (c) => {
      const account = AntelopeAccount.safeParse(await c.req.json().catch(() => undefined))
      if (!account.success) return c.json({ message: 'not an account' }, 400)
      return createOnce(antelope, account.data.account_name, account.data.permissions as AntelopePermission[], c)
    })
    .post('/antelope/v1/chain/get_account', async (c) => {
      const { account_name } = (await c.req.json().catch(() => ({}))) as { account_name?: string }
      const permissions = account_name ? antelope.get(account_name) : undefined
      if (!permissions)
        return c.json(
          {
            code: 500,
            message: 'Internal Service Error',
            error: {
              code: 0,
              name: 'exception',
              what: 'unspecified',
              details: [
                {
                  message: `unknown key (eosio::chain::name): ${account_name ?? ''}`,
                  file: 'http_plugin.cpp',
                  line_number: 584,
                  method: 'handle_exception',
                },
              ],
            },
          },
          500,
        )
      return c.json({
        account_name,
        head_block_num: 1,
        head_block_time: new Date().toISOString().slice(0, -1),
        privileged: false,
        last_code_update: '1970-01-01T00:00:00.000',
        created: '2024-01-01T00:00:00.000',
        ram_quota: 8192,
        net_weight: 0,
        cpu_weight: 0,
        ram_usage: 2996,
        permissions: permissions.map((permission) => ({ ...permission, linked_actions: [] })),
        total_resources: null,
        self_delegated_bandwidth: null,
        refund_request: null,
        voter_info: null,
      })
    })
    .post('/flow/accounts', async (c) => {
      const account = FlowAccount.safeParse(await c.req.json().catch(() => undefined))
      if (!account.success) return c.json({ message: 'not an account' }, 400)
      return createOnce(flow, flowAddress(account.data.address), account.data.keys, c)
    })
    .get('/flow/v1/network/parameters', (c) => c.json({ chain_id: 'flow-mainnet' }))
    .get('/flow/v1/accounts/:address', (c) => {
      const address = flowAddress(c.req.param('address'))
      const keys = flow.get(address)
      if (!keys) return c.json({ code: 404, message: `account not found: ${address}` }, 404)
      const expanded = (c.req.query('expand') ?? '').split(',').includes('keys')
      return c.json({
        address,
        balance: '100000',
        ...(expanded ? { keys } : {}),
        _expandable: { keys: expanded ? undefined : 'keys', contracts: 'contracts' },
      })
    })
    .post('/evm/:chainId{[0-9]+}', async (c) => {
      const request = (await c.req.json().catch(() => undefined)) as { id?: unknown; method?: unknown } | undefined
      const id = request?.id ?? null
      const answer = (body: object) => c.json({ jsonrpc: '2.0', id, ...body })
      switch (request?.method) {
        case 'eth_chainId':
          return answer({ result: `0x${BigInt(c.req.param('chainId')).toString(16)}` })
        case 'eth_getCode':
          return answer({ result: '0x' })
        case 'eth_call':
          return answer({ error: { code: 3, message: 'execution reverted', data: '0x' } })
        default:
          return answer({ error: { code: -32601, message: `the stand-in chain does not answer ${String(request?.method)}` } })
      }
    })
  return { app, antelope, flow }
}

export type ChainStandIns = ReturnType<typeof createChainStandIns>
