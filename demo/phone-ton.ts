/**
 * The simulated phone's TON wallet: a v4R2 wallet with a key of its own, answering
 * the widget's TON Connect QR code over the emulator's TON Connect bridge, as a
 * phone wallet does once its owner scanned the code and approved.
 */
import { demoTonWallet } from './wallets/ton.js'
import { answerLink } from './wallets/tonconnect.js'

const DEVICE = { platform: 'android', appName: 'link-wallet-demo-phone', appVersion: '1.0.0', maxProtocolVersion: 2, features: [] }

export function tonPhone({ bridgeUrl, log }: { bridgeUrl: string; log: (line: string) => void }) {
  const wallet = demoTonWallet('link-wallet-demo:phone-ton', DEVICE)
  return {
    async answer(link: string) {
      const { app, proved } = await answerLink(link, bridgeUrl, wallet)
      log(`Asked to connect by ${app.name} over TON Connect: approved${proved ? `, with a ton_proof for ${app.host}` : ''}.`)
    },
  }
}
