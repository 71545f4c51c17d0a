/**
 * The wallet's side of TON Connect, as the TON Connect spec (ton-blockchain/ton-connect,
 * requests-responses.md and bridge.md) has a wallet answer a connect request: the
 * account (`ton_addr`) and, when asked, a `ton_proof` for the app's domain, read from
 * its manifest as wallets do. The demo's injected wallet returns that event through
 * its JS bridge; a wallet on another device (the demo's simulated phone, the tests'
 * wallet) reads the request from the QR code's link and sends the event through the
 * HTTP bridge, encrypted for the page with @tonconnect/protocol's SessionCrypto.
 */
export type ConnectItem = { name: 'ton_addr' } | { name: 'ton_proof'; payload: string }
export type ConnectRequest = { manifestUrl: string; items: ConnectItem[] }
export type TonAccount = { address: string; network: '-239' | '-3'; publicKey: string; walletStateInit: string }
export type TonProof = { timestamp: number; domain: { lengthBytes: number; value: string }; payload: string; signature: string }
export type TonDevice = { platform: string; appName: string; appVersion: string; maxProtocolVersion: number; features: unknown[] }
/** A wallet able to answer: its account, a ton_proof signer, and how it describes itself. */
export type TonConnectWallet = { account: TonAccount; prove(payload: string, domain: string): TonProof; device: TonDevice }

/** The app asking: its manifest's host (what a ton_proof names) and name, or `fallback`'s when it cannot be read. */
export async function appOf(manifestUrl: string, fallback: string): Promise<{ host: string; name: string }> {
  try {
    const manifest = (await (await fetch(manifestUrl)).json()) as { url: string; name: string }
    return { host: new URL(manifest.url).host, name: manifest.name }
  } catch {
    return { host: fallback, name: fallback }
  }
}

/** The ton_proof item a request asks for, if it does. */
export const proofAsked = (request: ConnectRequest) =>
  request.items.find((item): item is Extract<ConnectItem, { name: 'ton_proof' }> => item.name === 'ton_proof')

/** The `connect` event answering `request` from the app at `host`. */
export function connectEvent(id: number, request: ConnectRequest, host: string, wallet: TonConnectWallet) {
  const proof = proofAsked(request)
  const items: unknown[] = [{ name: 'ton_addr', ...wallet.account }]
  if (proof) items.push({ name: 'ton_proof', proof: wallet.prove(proof.payload, host) })
  return { event: 'connect' as const, id, payload: { items, device: wallet.device } }
}

/**
 * Answers a TON Connect link (what the page's QR code holds) as a wallet on another
 * device does once it scanned it and its owner approved: the connect event, sealed for
 * the page, posted to the wallet's bridge at `bridgeUrl`. Resolves the app it answered.
 */
export async function answerLink(link: string, bridgeUrl: string, wallet: TonConnectWallet) {
  const params = new URL(link.replace(/^tc:\/\//, 'https://tc.invalid/')).searchParams
  const page = params.get('id')
  const request = JSON.parse(params.get('r') ?? 'null') as ConnectRequest | null
  if (!page || !request?.manifestUrl) throw new Error('This is not a TON Connect link.')
  const app = await appOf(request.manifestUrl, new URL(request.manifestUrl).host)
  const event = connectEvent(Date.now(), request, app.host, wallet)
  // Loaded here, not with the page: the demo page's first load stays as it was, and chunks that share it with the widget's TON code load later.
  const { Base64, SessionCrypto, hexToByteArray } = await import('@tonconnect/protocol')
  const session = new SessionCrypto()
  const sealed = Base64.encode(session.encrypt(JSON.stringify(event), hexToByteArray(page)))
  const sent = await fetch(`${bridgeUrl}/message?client_id=${session.sessionId}&to=${page}&ttl=300`, { method: 'POST', body: sealed })
  if (!sent.ok) throw new Error(`The TON Connect bridge answered ${sent.status}.`)
  return { app, proved: proofAsked(request) !== undefined }
}
