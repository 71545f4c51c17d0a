/**
 * Immutable Passport: a smart account on Immutable zkEVM (chain 13371) that signs
 * SIWE like any EVM wallet; Snag knows its accounts as `imx`. The relay checks them
 * on Immutable zkEVM's RPC (ERC-1271, or ERC-6492 before deployment).
 */
import { contractAccountChain } from '../evm/spec.js'

export const imx = contractAccountChain({
  id: 'imx',
  walletType: 'imx',
  name: { en: 'Immutable Passport' },
  icon: 'M2 2h3.2L8 5.9 10.8 2H14L9.6 8l4.4 6h-3.2L8 10.1 5.2 14H2l4.4-6z',
  getWallet: { name: 'Immutable Passport', url: 'https://passport.immutable.com/' },
  chainIdVariable: 'IMX_CHAIN_ID',
  chainId: 13371,
})
