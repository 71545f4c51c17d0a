/** Registers `<link-wallet>`. Import this once; `index.js` gives the class without registering it. */
import { LinkWallet } from './link-wallet.js'

export * from './index.js'

if (!customElements.get('link-wallet')) customElements.define('link-wallet', LinkWallet)

declare global {
  interface HTMLElementTagNameMap {
    'link-wallet': LinkWallet
  }
}
