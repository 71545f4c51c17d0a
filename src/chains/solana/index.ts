/**
 * Solana: discovery is the Wallet Standard registry (under 1 KB); Sign-In With
 * Solana and signing load only when a Solana wallet is chosen.
 */
import { lazyAdapter } from '../types.js'
import { discoverSolana } from './discover.js'

export const adapter = lazyAdapter('solana', discoverSolana, () => import('./prove.js'))
