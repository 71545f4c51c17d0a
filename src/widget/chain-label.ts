/** A chain as the widget shows it: its name in the page's language and its mark, from the chain registry. */
import { svg } from 'lit'
import { CHAINS } from '../chains/registry.js'
import { chainName } from '../chains/spec.js'

type Label = {
  name: { en: string } & Partial<Record<string, string>>
  icon?: string | undefined
  displayAddress?: ((address: string) => string) | undefined
  getWallet?: { name: string; url: string } | undefined
}

/** Chains a page added of its own, as their browser faces name them. */
const added = new Map<string, Label>()

/** Remembers how a chain the registry does not have names itself. */
export function rememberLabel(walletType: string, label: Label | undefined): void {
  if (label && !Object.hasOwn(CHAINS, walletType)) added.set(walletType, label)
}

const specOf = (walletType: string): Label | undefined =>
  Object.hasOwn(CHAINS, walletType) ? CHAINS[walletType as keyof typeof CHAINS] : added.get(walletType)

/** The chain's name in `locale`; its id for a chain the registry does not have (a page's own). */
export const chainLabel = (walletType: string, locale: string) => {
  const spec = specOf(walletType)
  return spec ? chainName(spec, locale) : walletType
}

/** The chain's 16×16 mark, in the text colour (nothing for a chain without one). */
export const chainIcon = (walletType: string) =>
  svg`<svg class="chain-icon" viewBox="0 0 16 16" width="16" height="16" fill="currentColor" aria-hidden="true"><path d=${specOf(walletType)?.icon ?? ''}></path></svg>`

/** The address as the chain's people know it (TON's `UQ…` form), else as the relay wrote it. */
export const shownAddress = (walletType: string, address: string) => specOf(walletType)?.displayAddress?.(address) ?? address

/** Where to get a wallet of the chain, when its spec names one. */
export const chainWalletLink = (walletType: string) => specOf(walletType)?.getWallet
