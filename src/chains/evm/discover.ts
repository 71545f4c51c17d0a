/**
 * EIP-6963 discovery, with `window.ethereum` as a fallback for wallets that do
 * not announce themselves. A provider found both ways is listed once.
 */
import type { WalletOption } from '../browser-face.js'
import { deepLinks, type DeepLink } from '../deep-links.js'
import type { Eip1193Provider, Eip6963AnnounceEvent, Eip6963ProviderDetail } from './eip1193.js'

/** MetaMask opens a page in its own browser from this link. */
const LINKS: DeepLink[] = [
  { name: 'MetaMask', href: (page) => `https://metamask.app.link/dapp/${page.host}${page.pathname}${page.search}` },
]

type InjectedWindow = Window & { ethereum?: Eip1193Provider & { isMetaMask?: boolean } }

function option(id: string, name: string, icon: string | undefined, provider: Eip1193Provider): WalletOption {
  return { id, name, icon, walletType: 'evm', handle: provider }
}

export function discoverEvm(onWallets: (wallets: WalletOption[]) => void, signal: AbortSignal): void {
  const announced = new Map<string, Eip6963ProviderDetail>()

  const report = () => {
    const wallets = [...announced.values()].map(({ info, provider }) => option(info.rdns || info.uuid, info.name, info.icon, provider))
    const injected = (window as InjectedWindow).ethereum
    const alreadyListed = injected && [...announced.values()].some((detail) => detail.provider === injected)
    if (injected && !alreadyListed)
      wallets.push(option('injected', injected.isMetaMask ? 'MetaMask' : 'Browser wallet', undefined, injected))
    onWallets([...wallets, ...deepLinks('evm', LINKS, wallets)])
  }

  const onAnnounce = (event: Event) => {
    const detail = (event as Eip6963AnnounceEvent).detail
    if (!detail?.info || typeof detail.provider?.request !== 'function') return
    const key = detail.info.rdns || detail.info.uuid
    const known = announced.get(key)
    if (known?.provider === detail.provider) return
    announced.set(key, detail)
    report()
  }

  window.addEventListener('eip6963:announceProvider', onAnnounce, { signal })
  window.dispatchEvent(new Event('eip6963:requestProvider'))
  report()
}
