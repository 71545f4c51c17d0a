/**
 * The element's public events: classes with typed fields, bubbling and composed,
 * so a host page can listen on the element or any ancestor.
 */
import type { LinkedWallet } from '../protocol/relay.js'
import type { WidgetErrorCode } from './relay-client.js'
import type { Step } from './link-controller.js'

const init: EventInit = { bubbles: true, composed: true }

/** A wallet was linked. */
export class LinkedEvent extends Event {
  static readonly eventName = 'lw-linked'
  constructor(
    readonly wallet: LinkedWallet,
    readonly wallets: LinkedWallet[],
  ) {
    super(LinkedEvent.eventName, init)
  }
}

/** A wallet was unlinked from the account; `wallets` holds those that remain. */
export class UnlinkedEvent extends Event {
  static readonly eventName = 'lw-unlinked'
  constructor(
    readonly wallet: LinkedWallet,
    readonly wallets: LinkedWallet[],
  ) {
    super(UnlinkedEvent.eventName, init)
  }
}

/** A step failed; `code` is stable (a relay error code or one of the widget's own). */
export class LinkErrorEvent extends Event {
  static readonly eventName = 'lw-error'
  constructor(
    readonly code: WidgetErrorCode,
    readonly message: string,
  ) {
    super(LinkErrorEvent.eventName, init)
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
  }
}
