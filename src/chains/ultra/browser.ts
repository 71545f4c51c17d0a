/**
 * Ultra: the Ultra Wallet extension injects `window.ultra`, in secure contexts only.
 * Signing loads when it is chosen; the wallet does the crypto.
 */
import { lazyChain, type WalletOption } from '../browser-face.js'

/** The Ultra Wallet's provider, as its documentation describes it. */
export type UltraProvider = {
  connect(options?: { onlyIfTrusted?: boolean }): Promise<{ data: { blockchainid: string; publicKey: string } }>
  signMessage(message: string): Promise<{ data: { signature: string } }>
  /** A name and icon of its own, where a provider gives them (as Keplr-style providers do); the Ultra Wallet gives none. */
  walletInfo?: { name?: unknown; icon?: unknown }
}

export const chain = lazyChain(
  'ultra',
  (onWallets) => {
    const provider = typeof window !== 'undefined' && window.isSecureContext ? (window as { ultra?: UltraProvider }).ultra : undefined
    const info = provider?.walletInfo
    onWallets(
      provider
        ? [
            {
              id: 'ultra:extension',
              name: typeof info?.name === 'string' ? info.name : 'Ultra Wallet',
              icon: typeof info?.icon === 'string' ? info.icon : undefined,
              walletType: 'ultra',
              handle: provider,
            } satisfies WalletOption,
          ]
        : [],
    )
  },
  () => import('./prove.js'),
)
