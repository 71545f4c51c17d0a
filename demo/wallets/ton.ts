/**
 * A demo TON wallet injected into the page as a TON Connect JS bridge
 * (`window[jsBridgeKey].tonconnect`), so the SDK finds it as an injected wallet.
 * A real ed25519 key made in this page, a v4R2 state init built offline by
 * @ton/ton, and an answer to `ton_proof` signed as the TON Connect
 * specification says. Every request waits for the visitor's approval.
 */
import { ed25519 } from '@noble/curves/ed25519'
import { sha256 } from '@noble/hashes/sha2'
import { base64, hex } from '@scure/base'
import { beginCell, storeStateInit } from '@ton/core'
import { WalletContractV4 } from '@ton/ton'
import { tonProofEnvelope, tonProofMessage } from '../../src/chains/ton/ton-proof.js'
import type { ApprovalRequest } from '../approval.js'
import { icons } from './icons.js'

const KEY = 'link-wallet-demo:ton-key'
export const DEMO_TON_BRIDGE_KEY = 'linkWalletDemoTon'

type ConnectItem = { name: 'ton_addr' } | { name: 'ton_proof'; payload: string }
type ConnectRequest = { manifestUrl: string; items: ConnectItem[] }

/** The host a ton_proof names: the manifest's `url`, as wallets do; the page's own host if it cannot be read. */
async function appDomain(manifestUrl: string): Promise<{ host: string; name: string }> {
  try {
    const manifest = (await (await fetch(manifestUrl)).json()) as { url: string; name: string }
    return { host: new URL(manifest.url).host, name: manifest.name }
  } catch {
    return { host: location.host, name: location.host }
  }
}

export function installDemoTonWallet(approve: (request: ApprovalRequest) => Promise<boolean>, network: '-239' | '-3' = '-239') {
  const stored = sessionStorage.getItem(KEY)
  const secretKey = stored?.length === 64 ? hex.decode(stored) : ed25519.utils.randomPrivateKey()
  sessionStorage.setItem(KEY, hex.encode(secretKey))
  const publicKey = ed25519.getPublicKey(secretKey)
  const contract = WalletContractV4.create({ workchain: 0, publicKey: Buffer.from(publicKey) })
  const stateInit = beginCell().store(storeStateInit(contract.init)).endCell().toBoc().toString('base64')
  const address = contract.address.toRawString()
  const device = {
    platform: 'browser',
    appName: 'link-wallet-demo',
    appVersion: '1.0.0',
    maxProtocolVersion: 2,
    features: ['SendTransaction', { name: 'SendTransaction', maxMessages: 4 }],
  }
  let nextId = 1

  const proofFor = (payload: string, domain: string) => {
    const timestamp = Math.floor(Date.now() / 1000)
    const message = tonProofMessage({
      workchain: contract.address.workChain,
      addressHash: contract.address.hash,
      domain,
      timestamp,
      payload,
    })
    const signature = ed25519.sign(sha256(tonProofEnvelope(sha256(message))), secretKey)
    return {
      timestamp,
      domain: { lengthBytes: new TextEncoder().encode(domain).length, value: domain },
      payload,
      signature: base64.encode(signature),
    }
  }

  const tonconnect = {
    deviceInfo: device,
    walletInfo: {
      name: 'Demo TON Wallet',
      app_name: 'linkwalletdemoton',
      image: icons.ton,
      about_url: location.origin,
      platforms: ['chrome', 'firefox', 'safari'],
    },
    protocolVersion: 2,
    isWalletBrowser: false,
    async connect(_protocolVersion: number, request: ConnectRequest) {
      const id = nextId++
      const app = await appDomain(request.manifestUrl)
      const proofItem = request.items.find((item): item is Extract<ConnectItem, { name: 'ton_proof' }> => item.name === 'ton_proof')
      const approved = await approve({
        title: `Connect Demo TON Wallet to ${app.name}?`,
        message: proofItem ? `Prove ownership for ${app.host}\npayload: ${proofItem.payload}` : undefined,
      })
      if (!approved) return { event: 'connect_error', id, payload: { code: 300, message: 'User declined the connection' } }
      const items: unknown[] = [{ name: 'ton_addr', address, network, publicKey: hex.encode(publicKey), walletStateInit: stateInit }]
      if (proofItem) items.push({ name: 'ton_proof', proof: proofFor(proofItem.payload, app.host) })
      return { event: 'connect', id, payload: { items, device } }
    },
    async restoreConnection() {
      return { event: 'connect_error', id: nextId++, payload: { code: 0, message: 'No session to restore' } }
    },
    async send(request: { id: string }) {
      return { error: { code: 400, message: 'The demo wallet sends no transactions.' }, id: request.id }
    },
    listen() {
      return () => {}
    },
    disconnect() {},
  }
  ;(window as unknown as Record<string, unknown>)[DEMO_TON_BRIDGE_KEY] = { tonconnect }
  return { address }
}
