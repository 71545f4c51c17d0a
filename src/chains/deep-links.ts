/**
 * On a phone there are no wallet extensions: a wallet app opens the page in its own
 * browser, where the wallet is injected. These links do that for wallets that
 * document such a link, offered only on touch devices with no wallet found.
 */
import type { RelayWalletType } from '../protocol/relay.js'
import type { WalletOption } from './types.js'

const onPhone = () => typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches

const LINKS: Partial<Record<RelayWalletType, { name: string; href: (page: URL) => string }[]>> = {
  evm: [{ name: 'MetaMask', href: (page) => `https://metamask.app.link/dapp/${page.host}${page.pathname}${page.search}` }],
  solana: [
    {
      name: 'Phantom',
      href: (page) => `https://phantom.app/ul/browse/${encodeURIComponent(page.href)}?ref=${encodeURIComponent(page.origin)}`,
    },
  ],
}

/** The deep links for `walletType` when this is a phone and no wallet of it is in the page. */
export function deepLinks(walletType: RelayWalletType, found: readonly WalletOption[]): WalletOption[] {
  if (found.length || !onPhone()) return []
  const page = new URL(location.href)
  return (LINKS[walletType] ?? []).map(({ name, href }) => ({
    id: `${walletType}:link:${name}`,
    name,
    walletType,
    href: href(page),
    handle: undefined,
  }))
}
