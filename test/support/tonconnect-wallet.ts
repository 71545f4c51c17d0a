/**
 * A TON wallet on "another device", answering a TON Connect link the way a phone
 * wallet does after scanning it: it reads the page's manifest for the domain, signs a
 * ton_proof for the link's payload with a real ed25519 key (a v4R2 wallet built by
 * @ton/ton), and sends the connect event through the bridge, encrypted for the page
 * with @tonconnect/protocol's SessionCrypto.
 */
import { Base64, SessionCrypto, hexToByteArray } from '@tonconnect/protocol'
import type { ChallengeResponse } from '../../src/protocol/relay.js'
import { tonWallet } from './ton.js'

export async function answerTonConnect(link: string, bridgeUrl: string, wallet = tonWallet()) {
  const params = new URL(link.replace(/^tc:\/\//, 'https://tc.invalid/')).searchParams
  const page = params.get('id')!
  const request = JSON.parse(params.get('r')!) as { manifestUrl: string; items: { name: string; payload?: string }[] }
  const manifest = (await (await fetch(request.manifestUrl)).json()) as { url: string }
  const payload = request.items.find((item) => item.name === 'ton_proof')?.payload
  if (!payload) throw new Error('the link asks no ton_proof')
  const { proof } = wallet.prove({
    nonce: payload,
    domain: new URL(manifest.url).host,
    issuedAt: new Date().toISOString(),
  } as ChallengeResponse)
  const event = {
    event: 'connect',
    id: Date.now(),
    payload: {
      items: [
        { name: 'ton_addr', address: wallet.address, network: '-239', publicKey: wallet.publicKey, walletStateInit: wallet.stateInit },
        {
          name: 'ton_proof',
          proof: { timestamp: proof.timestamp, domain: proof.domain, payload: proof.payload, signature: proof.signature },
        },
      ],
      device: { platform: 'linux', appName: 'testwallet', appVersion: '1.0.0', maxProtocolVersion: 2, features: ['SendTransaction'] },
    },
  }
  const session = new SessionCrypto()
  const sealed = Base64.encode(session.encrypt(JSON.stringify(event), hexToByteArray(page)))
  const sent = await fetch(`${bridgeUrl}/message?client_id=${session.sessionId}&to=${page}&ttl=300`, { method: 'POST', body: sealed })
  if (!sent.ok) throw new Error(`the bridge answered ${sent.status}`)
  return wallet
}
