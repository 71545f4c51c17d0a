/** Defines `<link-wallet>` (loaded by `define.ts` only where `customElements` exists). */
import { LinkWallet } from './link-wallet.js'

if (!customElements.get('link-wallet')) customElements.define('link-wallet', LinkWallet)
