/**
 * The element's module without side effects: import it to subclass or to
 * register `<link-wallet>` under a name of your own. `define.js` registers it.
 */
export { LinkWallet } from './link-wallet.js'
export { LinkedEvent, LinkErrorEvent, SignedOutEvent, StateEvent, UnlinkedEvent } from './events.js'
export type { Messages } from './i18n/types.js'
export type { Step } from './link-controller.js'
export type { WidgetErrorCode } from './relay-client.js'
export type { LinkedWallet, RelayWalletType } from '../protocol/relay.js'
