/**
 * The element's public events: classes with typed fields, bubbling and composed,
 * so a host page can listen on the element or any ancestor.
 */
import type { LinkedWallet } from '../protocol/relay.js'
import type { AnyErrorCode } from './relay-client.js'
import type { Step } from './link-controller.js'

const init: EventInit = { bubbles: true, composed: true }

/** An event about one wallet of the account, and the account's wallets after it. */
abstract class WalletEvent extends Event {
  constructor(
    type: string,
    readonly wallet: LinkedWallet,
    readonly wallets: LinkedWallet[],
  ) {
    super(type, init)
  }
}

/** A wallet was linked; `wallets` holds the account's wallets now. */
export class LinkedEvent extends WalletEvent {
  static readonly eventName = 'lw-linked'
  constructor(wallet: LinkedWallet, wallets: LinkedWallet[]) {
    super(LinkedEvent.eventName, wallet, wallets)
  }
}

/** A wallet was unlinked from the account; `wallets` holds those that remain. */
export class UnlinkedEvent extends WalletEvent {
  static readonly eventName = 'lw-unlinked'
  constructor(wallet: LinkedWallet, wallets: LinkedWallet[]) {
    super(UnlinkedEvent.eventName, wallet, wallets)
  }
}

/** A step failed; `code` is stable (a relay error code or one of the widget's own). */
export class LinkErrorEvent extends Event {
  static readonly eventName = 'lw-error'
  constructor(
    readonly code: AnyErrorCode,
    readonly message: string,
  ) {
    super(LinkErrorEvent.eventName, init)
  }
}

/** The account's session ended on this page: *Sign out*, *Sign out everywhere*, or the relay ending it. */
export class SignedOutEvent extends Event {
  static readonly eventName = 'lw-signed-out'
  constructor() {
    super(SignedOutEvent.eventName, init)
  }
}

/** The element moved to another step of the flow. */
export class StateEvent extends Event {
  static readonly eventName = 'lw-state'
  constructor(readonly state: Step) {
    super(StateEvent.eventName, init)
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lw-linked': LinkedEvent
    'lw-unlinked': UnlinkedEvent
    'lw-error': LinkErrorEvent
    'lw-state': StateEvent
    'lw-signed-out': SignedOutEvent
  }
}
