/**
 * TON: discovery reads the page for injected JS bridges (no SDK); the TON Connect
 * SDK, the QR encoder and ton_proof handling load only when a TON wallet is chosen.
 */
import { lazyChain } from '../browser-face.js'
import { discoverTon } from './discover.js'

export const chain = lazyChain('ton', discoverTon, () => import('./prove.js'))
