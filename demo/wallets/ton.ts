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
import { appOf, connectEvent, proofAsked, type ConnectRequest, type TonConnectWallet, type TonDevice } from './tonconnect.js'

const KEY = 'link-wallet-demo:ton-key'
export const DEMO_TON_BRIDGE_KEY = 'linkWalletDemoTon'

/**
 * A v4R2 wallet of the ed25519 key kept in this tab under `storageKey` (made on first
 * use): its TON Connect account and a ton_proof signer, as the TON Connect spec has a
 * wallet sign (the demo's injected wallet and the simulated phone each have one).
 */
export function demoTonWallet(storageKey: string, device: TonDevice, network: '-239' | '-3' = '-239'): TonConnectWallet {
  const stored = sessionStorage.getItem(storageKey)
  const secretKey = stored?.length === 64 ? hex.decode(stored) : ed25519.utils.randomPrivateKey()
  sessionStorage.setItem(storageKey, hex.encode(secretKey))
  const publicKey = ed25519.getPublicKey(secretKey)
  const contract = WalletContractV4.create({ workchain: 0, publicKey: Buffer.from(publicKey) })
  const walletStateInit = beginCell().store(storeStateInit(contract.init)).endCell().toBoc().toString('base64')
  return {
    account: { address: contract.address.toRawString(), network, publicKey: hex.encode(publicKey), walletStateInit },
    device,
    prove(payload, domain) {
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
    },
  }
}

export function installDemoTonWallet(approve: (request: ApprovalRequest) => Promise<boolean>, network: '-239' | '-3' = '-239') {
  const wallet = demoTonWallet(
    KEY,
    {
      platform: 'browser',
      appName: 'link-wallet-demo',
      appVersion: '1.0.0',
      maxProtocolVersion: 2,
      features: ['SendTransaction', { name: 'SendTransaction', maxMessages: 4 }],
    },
    network,
  )
  let nextId = 1

  const tonconnect = {
    deviceInfo: wallet.device,
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
      const app = await appOf(request.manifestUrl, location.host)
      const proofItem = proofAsked(request)
      const approved = await approve({
        title: `Connect Demo TON Wallet to ${app.name}?`,
        message: proofItem ? `Prove ownership for ${app.host}\npayload: ${proofItem.payload}` : undefined,
      })
      if (!approved) return { event: 'connect_error', id, payload: { code: 300, message: 'User declined the connection' } }
      return connectEvent(id, request, app.host, wallet)
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
  return { address: wallet.account.address }
}
