/** EVM: discovery is light (EIP-6963 events); the SIWE and signing code loads only when a wallet is chosen. */
import { lazyAdapter } from '../types.js'
import { discoverEvm } from './discover.js'

export const adapter = lazyAdapter('evm', discoverEvm, () => import('./prove.js'))
