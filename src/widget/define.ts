/**
 * `link-wallet`: registers `<link-wallet>` in a browser. Where there is no DOM
 * (server rendering in Node, Deno, Bun or a Worker) importing it does nothing:
 * the element's code loads only where `customElements` exists. The class and the
 * event classes (for `instanceof`) come from `link-wallet/element`; this entry
 * names their types.
 */
import type { LinkWallet } from './link-wallet.js'

export type { LinkedEvent, LinkErrorEvent, SignedOutEvent, StateEvent, UnlinkedEvent } from './events.js'
export type { Messages } from './i18n/types.js'
export type { Step } from './link-controller.js'
export type { WidgetErrorCode } from './relay-client.js'
export type { LinkedWallet, RelayWalletType } from '../protocol/relay.js'
export type { LinkWallet }

if (typeof customElements !== 'undefined' && !customElements.get('link-wallet')) void import('./register.js')

declare global {
  interface HTMLElementTagNameMap {
    'link-wallet': LinkWallet
  }
}
