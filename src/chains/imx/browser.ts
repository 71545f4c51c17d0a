/** Immutable Passport: found by its EIP-6963 rdns, signed like any EVM wallet. */
import { lazyChain } from '../browser-face.js'
import { eip6963Discovery } from '../evm/discover.js'

export const RDNS = ['com.immutable.passport']

export const chain = lazyChain('imx', eip6963Discovery('imx', RDNS), () => import('../evm/prove.js'))
