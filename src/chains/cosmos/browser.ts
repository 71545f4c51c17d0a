/**
 * Cosmos: the wallets that inject a Keplr-style provider (`window.keplr`,
 * `window.leap`) with `signArbitrary`. A provider may name itself with a
 * `walletInfo: { name, icon }` of its own. Signing loads only when chosen, and
 * the wallet does the crypto.
 */
import { lazyChain, type WalletOption } from '../browser-face.js'

/** The part of Keplr's provider API the widget uses (Leap's is the same). */
export type KeplrLike = {
  enable(chainIds: string | string[]): Promise<void>
  getKey(chainId: string): Promise<{ bech32Address: string }>
  signArbitrary(chainId: string, signer: string, data: string): Promise<{ pub_key: { type: string; value: string }; signature: string }>
  walletInfo?: { name?: unknown; icon?: unknown }
}

const INJECTED: [key: string, name: string][] = [
  ['keplr', 'Keplr'],
  ['leap', 'Leap'],
]

function providers(): WalletOption[] {
  const found: WalletOption[] = []
  for (const [key, name] of INJECTED) {
    const provider = (window as unknown as Record<string, KeplrLike | undefined>)[key]
    if (typeof provider?.signArbitrary !== 'function' || typeof provider.enable !== 'function' || typeof provider.getKey !== 'function')
      continue
    if (found.some((option) => option.handle === provider)) continue
    const info = provider.walletInfo
    found.push({
      id: `cosmos:${key}`,
      name: typeof info?.name === 'string' ? info.name : name,
      icon: typeof info?.icon === 'string' ? info.icon : undefined,
      walletType: 'cosmos',
      handle: provider,
    })
  }
  return found
}

export const chain = lazyChain(
  'cosmos',
  (onWallets) => onWallets(providers()),
  () => import('./prove.js'),
)
