/**
 * EVM: discovery is light (EIP-6963 events); the SIWE and signing code loads
 * only when a wallet is chosen.
 */
import type { ChainAdapter } from '../types.js'
import { discoverEvm } from './discover.js'

export const adapter: ChainAdapter = {
  walletType: 'evm',
  discover: discoverEvm,
  async prove(wallet, context) {
    const { proveEvm } = await import('./prove.js')
    return proveEvm(wallet, context)
  },
}
