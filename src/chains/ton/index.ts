/**
 * TON: discovery reads the page for injected JS bridges (no SDK); the TON Connect
 * SDK, the QR encoder and ton_proof handling load only when a TON wallet is chosen.
 */
import { lazyAdapter } from '../types.js'
import { discoverTon } from './discover.js'

export const adapter = lazyAdapter('ton', discoverTon, () => import('./prove.js'))
