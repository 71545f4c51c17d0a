import type { RelayWalletType } from '../../protocol/relay.js'
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
  chain: Record<RelayWalletType, string>
  loadingWallets: string
  connecting: (wallet: string) => string
  signing: (wallet: string) => string
  linking: string
  linked: string
  linkedWallets: string
  remoteWallet: (chain: string) => string
  scanQr: string
  qrLabel: string
  openWallet: string
  errors: Record<WidgetErrorCode, string>
}
