/**
 * The emulator's stand-ins for the Antelope chain API and the Flow Access API, one
 * per test process, reached in-process at http://chain.test/ (what tests give
 * ULTRA_RPC_URL and FLOW_ACCESS_NODE_URL). Test wallets register their accounts here.
 */
import { createChainStandIns } from '../../src/emulator/chains.js'
import { fetchInto } from '../../src/upstream/http.js'

export const standIns = createChainStandIns()
export const CHAIN_TEST_URL = 'http://chain.test'
export const ULTRA_RPC_URL = `${CHAIN_TEST_URL}/antelope`
export const FLOW_ACCESS_NODE_URL = `${CHAIN_TEST_URL}/flow`
export const standInFetch = fetchInto(standIns.app)

/**
 * Copies the account a test wallet registered here to the stand-ins of an
 * emulator in another process (its base URL), for chains whose accounts live on a
 * chain (Ultra, Flow); a no-op for the others.
 */
export async function publishAccount(emulatorUrl: string, walletType: string, address: string): Promise<void> {
  const base = emulatorUrl.replace(/\/$/, '')
  const account =
    walletType === 'ultra'
      ? { path: '/antelope/accounts', body: { account_name: address, permissions: standIns.antelope.get(address) } }
      : walletType === 'flow_cadence'
        ? { path: '/flow/accounts', body: { address, keys: standIns.flow.get(address.replace(/^0x/, '')) } }
        : undefined
  if (!account) return
  const response = await fetch(base + account.path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account.body),
    signal: AbortSignal.timeout(30_000),
  })
  if (!response.ok) throw new Error(`${walletType} account ${address} on ${base}: ${response.status} ${await response.text()}`)
}
