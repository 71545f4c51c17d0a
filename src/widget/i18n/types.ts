import type { WidgetErrorCode } from '../relay-client.js'

/** Every string the widget shows. A language is one complete object of this type. */
export type Messages = {
  linkWallet: string
  linkAnother: string
  dialogTitle: string
  close: string
  back: string
  retry: string
  done: string
  chooseWallet: string
  loadingWallets: string
  /** The heading under the chosen wallet while the person acts in it. */
  continueIn: (wallet: string) => string
  connecting: (wallet: string) => string
  signing: (wallet: string) => string
  linking: string
  linked: string
  /** Proving a wallet already in an account signed in to it: `count` wallets. */
  signedIn: (count: number) => string
  /** Why the account's last wallet has no Unlink. */
  lastWallet: string
  linkedWallets: string
  copyAddress: (address: string) => string
  copied: string
  unlink: string
  unlinkWallet: (address: string) => string
  unlinkQuestion: (address: string) => string
  cancel: string
  signOut: string
  /** Ends every session of the account, on every device. */
  signOutEverywhere: string
  /** Shown after unlinking the wallet the session was signed in with. */
  signedOutByUnlink: string
  moveQuestion: string
  moveWallet: string
  profile: {
    title: string
    displayName: string
    bio: string
    location: string
    portfolioUrl: string
    logoUrl: string
    save: string
    saved: string
    tooLong: (max: number) => string
    notHttps: string
  }
  remoteWallet: (chain: string) => string
  /** The same option on a phone, where no QR code is shown: the wallet app on this phone. */
  remoteWalletApp: (chain: string) => string
  scanQr: string
  /** On a phone: open the link in the wallet app. */
  openOnPhone: string
  qrLabel: string
  openWallet: string
  /** The wallet list when no wallet is in this browser: what is missing, then what to do. */
  noWalletHere: string
  noWalletUsePhone: string
  noWalletGetOne: string
  /** A link to a wallet's download page. */
  getWallet: (wallet: string, chain: string) => string
  /** Copies the pairing link, for a wallet on the same device or another one. */
  copyLink: string
  /** A deep link that opens this page in a wallet app's own browser. */
  openIn: (wallet: string) => string
  /** For an error code this widget does not know (from a newer relay). */
  unknown: string
  errors: Record<WidgetErrorCode, string>
}
