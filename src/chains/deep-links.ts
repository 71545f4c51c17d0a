/**
 * On a phone there are no wallet extensions: a wallet app opens the page in its own
 * browser, where the wallet is injected. A chain lists the wallets that document
 * such a link; they are offered only on touch devices with no wallet found.
 */
import type { WalletOption } from './browser-face.js'

export type DeepLink = { name: string; href: (page: URL) => string }

export const onPhone = () => typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches

/** The deep links of chain `walletType` when this is a phone and no wallet of it is in the page. */
export function deepLinks(walletType: string, links: readonly DeepLink[], found: readonly WalletOption[]): WalletOption[] {
  if (found.length || !onPhone()) return []
  const page = new URL(location.href)
  return links.map(({ name, href }) => ({ id: `${walletType}:link:${name}`, name, walletType, href: href(page), handle: undefined }))
}
