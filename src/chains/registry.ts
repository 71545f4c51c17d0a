/**
 * The browser side of each chain, loaded only when the widget needs it.
 * One line per chain.
 */
import type { RelayWalletType } from '../protocol/relay.js'
import type { ChainAdapter } from './types.js'

export const chainLoaders: Partial<Record<RelayWalletType, () => Promise<{ adapter: ChainAdapter }>>> = {
  evm: () => import('./evm/index.js'),
  solana: () => import('./solana/index.js'),
  ton: () => import('./ton/index.js'),
}
