/**
 * Abstract Global Wallet: a smart account on Abstract (chain 2741) that signs SIWE
 * like any EVM wallet; Snag knows its accounts as `agw`. The relay checks them on
 * Abstract's RPC (ERC-1271, or ERC-6492 before deployment).
 */
import { contractAccountChain } from '../evm/spec.js'

export const agw = contractAccountChain({
  id: 'agw',
  walletType: 'agw',
  name: { en: 'Abstract Global Wallet' },
  icon: 'M8 1.5 14.5 14.5h-3.2L8 7.6 4.7 14.5H1.5z',
  getWallet: { name: 'Abstract', url: 'https://abs.xyz/' },
  chainIdVariable: 'AGW_CHAIN_ID',
  chainId: 2741,
})
