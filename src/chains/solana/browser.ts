/**
 * Solana: discovery is the Wallet Standard registry (under 1 KB); Sign-In With
 * Solana and signing load only when a Solana wallet is chosen.
 */
import { lazyChain } from '../browser-face.js'
import { discoverSolana } from './discover.js'

export const chain = lazyChain('solana', discoverSolana, () => import('./prove.js'))
