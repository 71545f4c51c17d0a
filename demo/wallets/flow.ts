/**
 * A demo Flow wallet that speaks FCL's extension protocol (EXT/RPC), as Flow's
 * browser-extension wallets do: it announces an `authn` service on
 * `window.fcl_extensions`; when FCL posts `{ service }` it answers
 * `FCL:VIEW:READY`, reads FCL's `FCL:VIEW:READY:RESPONSE` and answers
 * `FCL:VIEW:RESPONSE` with a PollingResponse: an AuthnResponse (its address and a
 * `user-signature` service) for `authn`, a CompositeSignature for
 * `user-signature`. Its account holds one real P-256 key (SHA3-256, weight 1000),
 * created on the emulator's stand-in for the Flow Access API when the page first
 * signs in. Every request waits for the visitor's approval.
 */
import { p256 } from '@noble/curves/nist'
import { sha3_256 } from '@noble/hashes/sha3'
import { bytesToHex, hexToBytes } from '@noble/hashes/utils'
import { flowAccountKey, USER_DOMAIN_TAG } from '../../src/chains/flow_cadence/spec.js'
import type { ApprovalRequest } from '../approval.js'
import { icons } from './icons.js'

const KEY = 'link-wallet-demo:flow'
const ENDPOINT = 'ext:link-wallet-demo-flow'

function restore(): { address: string; key: Uint8Array } {
  try {
    const { address, key } = JSON.parse(sessionStorage.getItem(KEY) ?? '') as { address: string; key: string }
    return { address, key: hexToBytes(key) }
  } catch {
    const fresh = { address: `0x${bytesToHex(crypto.getRandomValues(new Uint8Array(8)))}`, key: p256.utils.randomPrivateKey() }
    sessionStorage.setItem(KEY, JSON.stringify({ address: fresh.address, key: bytesToHex(fresh.key) }))
    return fresh
  }
}

const pragma = (f_type: string) => ({ f_type, f_vsn: '1.0.0' })

/** `chainStandIn`: where the emulator's chain stand-ins answer (the account is created there). */
export function installDemoFlowWallet(approve: (request: ApprovalRequest) => Promise<boolean>, chainStandIn: string | undefined) {
  const { address, key } = restore()
  const publicKey = bytesToHex(p256.getPublicKey(key, false).subarray(1))
  const provider = { name: 'Demo Flow Wallet', icon: icons.flow, description: 'A demo wallet with a real P-256 key', address }
  const service = (type: string) => ({
    ...pragma('Service'),
    type,
    method: 'EXT/RPC',
    uid: `link-wallet-demo#${type}`,
    endpoint: ENDPOINT,
    provider,
  })

  let created: Promise<void> | undefined
  const create = () =>
    (created ??= (async () => {
      if (!chainStandIn) throw new Error('The demo has no chain stand-in to create the account on.')
      const response = await fetch(`${chainStandIn}/flow/accounts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          address,
          keys: [flowAccountKey(publicKey)],
        }),
      })
      if (!response.ok) throw new Error(`The chain stand-in did not create ${address} (${response.status}).`)
    })().catch((error: unknown) => {
      created = undefined
      throw error
    }))

  const respond = (body: object) =>
    window.postMessage({ type: 'FCL:VIEW:RESPONSE', ...pragma('PollingResponse'), ...body }, location.origin)
  const approved = (data: unknown) => respond({ status: 'APPROVED', reason: null, data })
  const declined = (reason: string) => respond({ status: 'DECLINED', reason, data: null })

  async function handle(type: string, body: { message?: unknown }) {
    if (type === 'authn') {
      if (!(await approve({ title: `Connect Demo Flow Wallet (${address})?` }))) return declined('The visitor declined.')
      await create()
      return approved({
        ...pragma('AuthnResponse'),
        addr: address,
        services: [{ ...service('authn'), id: address, identity: { address } }, service('user-signature')],
      })
    }
    if (type === 'user-signature' && typeof body.message === 'string' && /^([0-9a-f]{2})+$/i.test(body.message)) {
      const message = hexToBytes(body.message)
      if (!(await approve({ title: 'Sign this message?', message: new TextDecoder().decode(message) })))
        return declined('The visitor declined.')
      const signed = new Uint8Array(USER_DOMAIN_TAG.length + message.length)
      signed.set(USER_DOMAIN_TAG)
      signed.set(message, USER_DOMAIN_TAG.length)
      const signature = p256.sign(sha3_256(signed), key, { prehash: false }).toCompactHex()
      return approved({ ...pragma('CompositeSignature'), addr: address, keyId: 0, signature })
    }
    declined(`The demo wallet does not do ${type}.`)
  }

  // FCL posts `{ service }` to open the wallet, then the request once the wallet says it is ready.
  let opened = false
  window.addEventListener('message', (event) => {
    if (event.source !== window || event.origin !== location.origin) return
    const data = event.data as { type?: string; service?: { endpoint?: string; type?: string }; body?: { message?: unknown } } | null
    if (!data || typeof data !== 'object') return
    if (data.type === undefined && data.service?.endpoint === ENDPOINT) {
      opened = true
      window.postMessage({ type: 'FCL:VIEW:READY' }, location.origin)
    } else if (data.type === 'FCL:VIEW:READY:RESPONSE' && opened && data.service?.type) {
      opened = false
      handle(data.service.type, data.body ?? {}).catch((error: unknown) => declined(String((error as Error)?.message ?? error)))
    }
  })

  const page = window as unknown as { fcl_extensions?: unknown[] }
  page.fcl_extensions = [...(page.fcl_extensions ?? []), service('authn')]
  return { address }
}
