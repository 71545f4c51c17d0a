/**
 * What `link-wallet`, `link-wallet/element` and `link-wallet/standalone` give where
 * there is no DOM (server rendering in Node, Deno, Bun, a Worker): the event
 * classes, and a stand-in for the element class so that a module may import or
 * subclass it at its top level. The element exists only in a browser, where the
 * package's other build registers it.
 */
export { LinkedEvent, LinkErrorEvent, SignedOutEvent, StateEvent, UnlinkedEvent } from './events.js'

/** Stand-in for `<link-wallet>`'s class outside a browser: constructing it throws. */
export class LinkWallet {
  constructor() {
    throw new Error('<link-wallet> exists only in a browser; on a server, render the tag and let the page upgrade it.')
  }
}
