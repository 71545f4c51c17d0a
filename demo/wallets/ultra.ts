/**
 * A demo Ultra wallet injected as `window.ultra` (when no Ultra Wallet is there):
 * a real K1 key made with @wharfkit/antelope, an account named at random whose
 * `owner` and `active` permissions hold it, created on the emulator's stand-in
 * for the Ultra chain when the page first connects. `signMessage` takes the
 * wallet's `message:` prefix and signs the text after it, as the Ultra Wallet does;
 * every request waits for the visitor's approval.
 */
import { Bytes, PrivateKey } from '@wharfkit/antelope'
import type { ApprovalRequest } from '../approval.js'
import { icons } from './icons.js'

const KEY = 'link-wallet-demo:ultra'
const BASE32 = 'abcdefghijklmnopqrstuvwxyz12345'

/** The Ultra Wallet answers a refusal with `{ status: "error", message }`. */
const declined = () => Object.assign(new Error('Transaction declined'), { status: 'error' })

function restore(): { name: string; key: PrivateKey } {
  try {
    const { name, key } = JSON.parse(sessionStorage.getItem(KEY) ?? '') as { name: string; key: string }
    return { name, key: PrivateKey.from(key) }
  } catch {
    const name = Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => BASE32[byte % 31]).join('')
    const fresh = { name, key: PrivateKey.generate('K1') }
    sessionStorage.setItem(KEY, JSON.stringify({ name, key: String(fresh.key) }))
    return fresh
  }
}

/** `chainStandIn`: where the emulator's chain stand-ins answer (the account is created there). */
export function installDemoUltraWallet(approve: (request: ApprovalRequest) => Promise<boolean>, chainStandIn: string | undefined) {
  const { name, key } = restore()
  const publicKey = key.toPublic().toLegacyString()
  let created: Promise<void> | undefined
  const create = () =>
    (created ??= (async () => {
      if (!chainStandIn) throw new Error('The demo has no chain stand-in to create the account on.')
      const auth = { threshold: 1, keys: [{ key: publicKey, weight: 1 }], accounts: [], waits: [] }
      const response = await fetch(`${chainStandIn}/antelope/accounts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          account_name: name,
          permissions: [
            { perm_name: 'owner', parent: '', required_auth: auth },
            { perm_name: 'active', parent: 'owner', required_auth: auth },
          ],
        }),
      })
      if (!response.ok) throw new Error(`The chain stand-in did not create ${name} (${response.status}).`)
    })().catch((error: unknown) => {
      created = undefined
      throw error
    }))
  let connected = false
  const provider = {
    walletInfo: { name: 'Demo Ultra Wallet', icon: icons.ultra },
    async connect() {
      if (!connected && !(await approve({ title: `Connect Demo Ultra Wallet (${name})?` }))) throw declined()
      await create()
      connected = true
      return { status: 'success', data: { blockchainid: `${name}@ultra`, publicKey } }
    },
    async signMessage(message: string) {
      if (!connected) throw Object.assign(new Error('Not connected'), { status: 'error' })
      if (!message.startsWith('message:')) throw Object.assign(new Error('Unknown message type'), { status: 'error' })
      const text = message.slice('message:'.length)
      if (!(await approve({ title: 'Sign this message?', message: text }))) throw declined()
      return { status: 'success', data: { signature: String(key.signMessage(Bytes.from(text, 'utf8'))) } }
    },
  }
  const page = window as unknown as { ultra?: unknown }
  if (window.isSecureContext) page.ultra ??= provider
  return { address: name }
}
