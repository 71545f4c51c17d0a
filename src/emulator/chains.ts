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
 *   unknown account is HTTP 404 `{ code, message }`.
 *
 * `POST /antelope/accounts` and `POST /flow/accounts` register an account (the
 * stand-in's own routes, standing for an account created on chain).
 */
import { Hono } from 'hono'

export type AntelopePermission = {
  perm_name: string
  parent: string
  required_auth: { threshold: number; keys: { key: string; weight: number }[]; accounts: unknown[]; waits: unknown[] }
}
export type FlowKey = {
  index: string
  public_key: string
  signing_algorithm: 'ECDSA_P256' | 'ECDSA_secp256k1'
  hashing_algorithm: 'SHA2_256' | 'SHA3_256'
  sequence_number: string
  weight: string
  revoked: boolean
}

export function createChainStandIns() {
  const antelope = new Map<string, AntelopePermission[]>()
  const flow = new Map<string, FlowKey[]>()
  const flowAddress = (address: string) => address.toLowerCase().replace(/^0x/, '').padStart(16, '0')

  const app = new Hono()
    .post('/antelope/accounts', async (c) => {
      const { account_name, permissions } = (await c.req.json()) as { account_name: string; permissions: AntelopePermission[] }
      antelope.set(account_name, permissions)
      return c.json({ ok: true })
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
      const { address, keys } = (await c.req.json()) as { address: string; keys: FlowKey[] }
      flow.set(flowAddress(address), keys)
      return c.json({ ok: true })
    })
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
  return { app, antelope, flow }
}

export type ChainStandIns = ReturnType<typeof createChainStandIns>
