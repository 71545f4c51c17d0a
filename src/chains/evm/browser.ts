/** EVM: discovery is light (EIP-6963 events); signing loads only when a wallet is chosen. */
import { lazyChain } from '../browser-face.js'
import { eip6963Discovery } from './discover.js'

export const chain = lazyChain('evm', eip6963Discovery('evm'), () => import('./prove.js'))
