import { svg } from 'lit'
import type { RelayWalletType } from '../protocol/relay.js'

/** A small monochrome mark per chain, drawn in the text colour; the chain's name stays beside it. */
const paths: Record<RelayWalletType, ReturnType<typeof svg>> = {
  evm: svg`<path d="M8 1 3 8.2 8 11l5-2.8zM3 9.3 8 15l5-5.7L8 12.1z"/>`,
  solana: svg`<path d="M4 3h10l-2 2H2zm-2 4h10l2 2H4zm2 4h10l-2 2H2z"/>`,
  ton: svg`<path d="M2 3h12L8 14zm2.3 1.4L7.3 10V4.4zm4.4 0V10l3-5.6z"/>`,
}

export const copyIcon = svg`<svg viewBox="0 0 16 16" width="16" height="16" fill="none" stroke="currentColor" stroke-width="1.5" aria-hidden="true"><rect x="5.5" y="5.5" width="8" height="8" rx="1.5"/><path d="M10.5 3.5v-1h-8v8h1"/></svg>`

export const chainIcon = (walletType: RelayWalletType) =>
  svg`<svg class="chain-icon" viewBox="0 0 16 16" width="16" height="16" fill="currentColor" aria-hidden="true">${paths[walletType]}</svg>`
