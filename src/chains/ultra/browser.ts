/**
 * Ultra: the Ultra Wallet extension injects `window.ultra`, in secure contexts only.
 * Signing loads when it is chosen; the wallet does the crypto.
 */
import { lazyChain, type WalletOption } from '../browser-face.js'

/** The Ultra Wallet's provider, as its documentation describes it. */
export type UltraProvider = {
  connect(options?: { onlyIfTrusted?: boolean }): Promise<{ data: { blockchainid: string; publicKey: string } }>
  signMessage(message: string): Promise<{ data: { signature: string } }>
}

export const chain = lazyChain(
  'ultra',
  (onWallets) => {
    const provider = typeof window !== 'undefined' && window.isSecureContext ? (window as { ultra?: UltraProvider }).ultra : undefined
    onWallets(
      provider ? [{ id: 'ultra:extension', name: 'Ultra Wallet', walletType: 'ultra', handle: provider } satisfies WalletOption] : [],
    )
  },
  () => import('./prove.js'),
)
