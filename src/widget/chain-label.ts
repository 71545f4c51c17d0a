/** A chain as the widget shows it: its name in the page's language and its mark, from the chain registry. */
import { svg } from 'lit'
import { CHAINS } from '../chains/registry.js'
import { chainName } from '../chains/spec.js'

const specOf = (walletType: string) => (Object.hasOwn(CHAINS, walletType) ? CHAINS[walletType as keyof typeof CHAINS] : undefined)

/** The chain's name in `locale`; its id for a chain the registry does not have (a page's own). */
export const chainLabel = (walletType: string, locale: string) => {
  const spec = specOf(walletType)
  return spec ? chainName(spec, locale) : walletType
}

/** The chain's 16×16 mark, in the text colour (nothing for a chain without one). */
export const chainIcon = (walletType: string) =>
  svg`<svg class="chain-icon" viewBox="0 0 16 16" width="16" height="16" fill="currentColor" aria-hidden="true"><path d=${specOf(walletType)?.icon ?? ''}></path></svg>`
