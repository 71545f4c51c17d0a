/**
 * `link-wallet/react`: types `<link-wallet>` in React 19's JSX. Import it once for its
 * types (`import type {} from 'link-wallet/react'`); it has no code.
 */
import type * as React from 'react'
import type { LinkWallet } from '../link-wallet.js'
import type { LinkWalletAttributes, LinkWalletEventAttributes } from './attributes.js'

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'link-wallet': React.DetailedHTMLProps<React.HTMLAttributes<LinkWallet>, LinkWallet> &
        LinkWalletAttributes &
        LinkWalletEventAttributes
    }
  }
}
