/**
 * EIP-6963 discovery, with `window.ethereum` as a fallback for wallets that do
 * not announce themselves. A provider found both ways is listed once. Chains of
 * the EVM family with a `walletType` of their own (agw, imx) list only their
 * wallets, by EIP-6963 `rdns`, and take precedence over the EVM listing of them.
 */
import type { DiscoverContext, WalletOption } from '../browser-face.js'
import { walletConnectOptions } from '../walletconnect.js'
import { deepLinks, type DeepLink } from '../deep-links.js'
import type { Eip1193Provider, Eip6963AnnounceEvent, Eip6963ProviderDetail } from './eip1193.js'

/** MetaMask opens a page in its own browser from this link. */
const LINKS: DeepLink[] = [
  { name: 'MetaMask', href: (page) => `https://metamask.app.link/dapp/${page.host}${page.pathname}${page.search}` },
]

type InjectedWindow = Window & { ethereum?: Eip1193Provider & { isMetaMask?: boolean } }

type Discover = (onWallets: (wallets: WalletOption[]) => void, signal: AbortSignal, context: DiscoverContext) => void

/** Reports EIP-6963 providers as wallets of `walletType`: those `only` names (by rdns), or every one, with the fallbacks. */
export function eip6963Discovery(walletType: string, only?: readonly string[]): Discover {
  const option = (id: string, name: string, icon: string | undefined, provider: Eip1193Provider): WalletOption => ({
    id,
    name,
    icon,
    walletType,
    handle: provider,
    ...(only ? { preferred: true } : {}),
  })
  return (onWallets, signal, context) => {
    const announced = new Map<string, Eip6963ProviderDetail>()

    const report = () => {
      const wallets = [...announced.values()].map(({ info, provider }) => option(info.rdns || info.uuid, info.name, info.icon, provider))
      if (only) return onWallets(wallets)
      const injected = (window as InjectedWindow).ethereum
      const alreadyListed = injected && [...announced.values()].some((detail) => detail.provider === injected)
      if (injected && !alreadyListed)
        wallets.push(option('injected', injected.isMetaMask ? 'MetaMask' : 'Browser wallet', undefined, injected))
      onWallets([...wallets, ...walletConnectOptions(walletType, context), ...deepLinks(walletType, LINKS, wallets)])
    }

    const onAnnounce = (event: Event) => {
      const detail = (event as Eip6963AnnounceEvent).detail
      if (!detail?.info || typeof detail.provider?.request !== 'function') return
      if (only && !only.includes(detail.info.rdns)) return
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
}
