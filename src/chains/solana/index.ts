/**
 * Solana: discovery is the Wallet Standard registry (under 1 KB); Sign-In With
 * Solana and signing load only when a Solana wallet is chosen.
 */
import type { ChainAdapter } from '../types.js'
import { discoverSolana } from './discover.js'

export const adapter: ChainAdapter = {
  walletType: 'solana',
  discover: discoverSolana,
  async prove(wallet, context) {
    const { proveSolana } = await import('./prove.js')
    return proveSolana(wallet, context)
  },
}
