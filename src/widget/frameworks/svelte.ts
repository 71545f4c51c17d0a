/**
 * `link-wallet/svelte`: types `<link-wallet>` in Svelte 5 markup (`svelte-check`). Import it
 * once for its types (`import type {} from 'link-wallet/svelte'`); it has no code.
 */
import type {} from 'svelte/elements'
import type { LinkWallet } from '../link-wallet.js'
import type { LinkWalletAttributes, LinkWalletEventAttributes } from './attributes.js'

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'link-wallet': Omit<HTMLAttributes<LinkWallet>, keyof LinkWalletEventAttributes> & LinkWalletAttributes & LinkWalletEventAttributes
  }
}
