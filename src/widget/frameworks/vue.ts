/**
 * `link-wallet/vue`: types `<link-wallet>` in Vue templates (`vue-tsc`, Volar). Import it
 * once for its types (`import type {} from 'link-wallet/vue'`); it has no code. Tell Vue's
 * compiler the tag is a custom element (`isCustomElement`), as the Vue example does.
 */
import type { DefineComponent } from 'vue'
import type { LinkedEvent, LinkErrorEvent, SignedOutEvent, StateEvent, UnlinkedEvent } from '../events.js'
import type { LinkWalletAttributes } from './attributes.js'

type Listeners = {
  onLwLinked?: (event: LinkedEvent) => void
  onLwUnlinked?: (event: UnlinkedEvent) => void
  onLwError?: (event: LinkErrorEvent) => void
  onLwState?: (event: StateEvent) => void
  onLwSignedOut?: (event: SignedOutEvent) => void
}

declare module 'vue' {
  interface GlobalComponents {
    'link-wallet': DefineComponent<LinkWalletAttributes & Listeners>
  }
}
