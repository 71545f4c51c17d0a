/**
 * Sui: wallets registered with the Wallet Standard that can connect and sign a
 * personal message (Slush, Suiet, Phantom…), from the registry the page already
 * watches; signing loads only when a Sui wallet is chosen, and the wallet does
 * the crypto.
 */
import type { Wallet } from '@wallet-standard/base'
import { lazyChain, type WalletOption } from '../browser-face.js'
import { uniqueByName, watchStandardWallets } from '../wallet-standard.js'

export const SIGN_PERSONAL_MESSAGE = 'sui:signPersonalMessage'
export const CONNECT = 'standard:connect'

const canProve = (wallet: Wallet) =>
  wallet.chains.some((chain) => chain.startsWith('sui:')) && SIGN_PERSONAL_MESSAGE in wallet.features && CONNECT in wallet.features

export const chain = lazyChain(
  'sui',
  (onWallets, signal) =>
    watchStandardWallets(
      (registered) =>
        onWallets(
          uniqueByName(registered.filter(canProve)).map(
            (wallet): WalletOption => ({
              id: `sui:${wallet.name}`,
              name: wallet.name,
              icon: wallet.icon,
              walletType: 'sui',
              handle: wallet,
            }),
          ),
        ),
      signal,
    ),
  () => import('./prove.js'),
)
