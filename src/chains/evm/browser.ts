/** EVM: discovery is light (EIP-6963 events); signing loads only when a wallet is chosen. */
import { lazyChain } from '../browser-face.js'
import { discoverEvm } from './discover.js'

export const chain = lazyChain('evm', discoverEvm, () => import('./prove.js'))
