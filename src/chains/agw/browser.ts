/** Abstract Global Wallet: found by its EIP-6963 rdns, signed like any EVM wallet. */
import { lazyChain } from '../browser-face.js'
import { eip6963Discovery } from '../evm/discover.js'

export const RDNS = ['xyz.abs.privy']

export const chain = lazyChain('agw', eip6963Discovery('agw', RDNS), () => import('../evm/prove.js'))
