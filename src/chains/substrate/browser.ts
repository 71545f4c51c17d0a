/**
 * Substrate: the extensions injected in the page (`window.injectedWeb3`:
 * polkadot{.js}, Talisman, SubWallet…), read directly rather than through
 * @polkadot/extension-dapp. Signing loads only when chosen, and the extension
 * does the crypto.
 */
import { lazyChain, type WalletOption } from '../browser-face.js'

export type InjectedAccount = { address: string; type?: string }
export type InjectedExtension = {
  accounts: { get(): Promise<InjectedAccount[]> }
  signer: { signRaw?(payload: { address: string; data: string; type: 'bytes' }): Promise<{ signature: string }> }
}
export type InjectedWeb3 = Record<string, { version?: string; enable(origin: string): Promise<InjectedExtension> }>

/** How the well-known extensions name themselves; any other shows its own key. */
const NAMES: Record<string, string> = { 'polkadot-js': 'polkadot{.js}', talisman: 'Talisman', 'subwallet-js': 'SubWallet' }

function extensions(): WalletOption[] {
  const injected = (window as unknown as { injectedWeb3?: InjectedWeb3 }).injectedWeb3
  if (!injected || typeof injected !== 'object') return []
  return Object.entries(injected)
    .filter(([, extension]) => typeof extension?.enable === 'function')
    .map(([key, extension]) => ({ id: `substrate:${key}`, name: NAMES[key] ?? key, walletType: 'substrate', handle: extension }))
}

export const chain = lazyChain(
  'substrate',
  (onWallets) => onWallets(extensions()),
  () => import('./prove.js'),
)
