/**
 * WalletConnect for the chains whose phone wallets pair by it: a "phone wallet"
 * option when the page set `walletconnect-project-id` (from Reown's dashboard),
 * and the wallet apps that open a pairing link directly. Light: the client itself
 * loads (walletconnect-session.ts) only when the option is chosen.
 */
import type { DiscoverContext, WalletOption } from './browser-face.js'

export const PROJECT_ID_ATTRIBUTE = 'walletconnect-project-id'
/** The relay the client connects to; Reown's by default (a page or a test may name its own). */
export const RELAY_URL_ATTRIBUTE = 'walletconnect-relay-url'

export type WalletConnectHandle = { kind: 'walletconnect' }

/** An app's WalletConnect universal link: `<universal>/wc?uri=<pairing uri>`. */
export type PairingApp = { name: string; universal: string }

export const isWalletConnect = (wallet: WalletOption) => (wallet.handle as { kind?: string } | undefined)?.kind === 'walletconnect'

/** The chain's WalletConnect option, when the page configured a project id. */
export function walletConnectOptions(walletType: string, context: DiscoverContext): WalletOption[] {
  if (!context.attribute(PROJECT_ID_ATTRIBUTE)) return []
  return [
    {
      id: `${walletType}:walletconnect`,
      name: 'WalletConnect',
      walletType,
      remote: true,
      handle: { kind: 'walletconnect' } satisfies WalletConnectHandle,
    },
  ]
}

/** The links that open `uri` in each app. */
export const pairingLinks = (uri: string, apps: readonly PairingApp[]) =>
  apps.map(({ name, universal }) => ({ name, href: `${universal}/wc?uri=${encodeURIComponent(uri)}` }))
