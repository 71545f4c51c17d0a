/** Registers `<link-wallet>`. Import this once; importing `link-wallet.js` alone has no side effects. */
import { LinkWallet } from './link-wallet.js'

export { LinkWallet }
export { LinkedEvent, LinkErrorEvent, StateEvent, UnlinkedEvent } from './events.js'

if (!customElements.get('link-wallet')) customElements.define('link-wallet', LinkWallet)

declare global {
  interface HTMLElementTagNameMap {
    'link-wallet': LinkWallet
  }
}
