/**
 * TON: discovery reads the page for injected JS bridges (no SDK); the TON Connect
 * SDK, the QR encoder and ton_proof handling load only when a TON wallet is chosen.
 */
import type { ChainAdapter } from '../types.js'
import { discoverTon } from './discover.js'

export const adapter: ChainAdapter = {
  walletType: 'ton',
  discover: discoverTon,
  async prove(wallet, context) {
    const { proveTon } = await import('./prove.js')
    return proveTon(wallet, context)
  },
}
