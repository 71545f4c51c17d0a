/**
 * A TON wallet on "another device", answering a TON Connect link the way a phone
 * wallet does after scanning it, with the demo phone's answer (demo/wallets/tonconnect.ts):
 * a ton_proof for the link's payload signed by a real ed25519 key (a v4R2 wallet built
 * by @ton/ton), sent through the bridge encrypted for the page.
 */
import { answerLink } from '../../demo/wallets/tonconnect.js'
import type { ChallengeResponse } from '../../src/protocol/relay.js'
import { tonWallet } from './ton.js'

export async function answerTonConnect(link: string, bridgeUrl: string, wallet = tonWallet()) {
  await answerLink(link, bridgeUrl, {
    account: { address: wallet.address, network: '-239', publicKey: wallet.publicKey, walletStateInit: wallet.stateInit },
    device: { platform: 'linux', appName: 'testwallet', appVersion: '1.0.0', maxProtocolVersion: 2, features: ['SendTransaction'] },
    prove(payload, domain) {
      const { proof } = wallet.prove({ nonce: payload, domain, issuedAt: new Date().toISOString() } as ChallengeResponse)
      return { timestamp: proof.timestamp, domain: proof.domain, payload: proof.payload, signature: proof.signature }
    },
  })
  return wallet
}
