/** `<link-wallet>` as a framework's template writes it: its attributes and its events. */
import type { LinkedEvent, LinkErrorEvent, SignedOutEvent, StateEvent, UnlinkedEvent } from '../events.js'

export interface LinkWalletAttributes {
  /** Base URL of your relay. */
  relay?: string
  /** Space-separated chains to offer. */
  chains?: string
  'user-token'?: string
  'ton-manifest-url'?: string
  profile?: boolean
  locale?: string
  theme?: 'light' | 'dark'
  layout?: 'full' | 'compact'
}

/** The events as `on` + the event's name (React 19, Svelte 5). */
export interface LinkWalletEventAttributes {
  'onlw-linked'?: (event: LinkedEvent) => void
  'onlw-unlinked'?: (event: UnlinkedEvent) => void
  'onlw-error'?: (event: LinkErrorEvent) => void
  'onlw-state'?: (event: StateEvent) => void
  'onlw-signed-out'?: (event: SignedOutEvent) => void
}
