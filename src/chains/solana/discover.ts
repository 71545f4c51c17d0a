/**
 * Wallet Standard discovery: the wallets registered now and later that can sign
 * in (`solana:signIn`) or connect and sign a message. Injected legacy providers
 * are offered only when no standard wallet is present (they are usually the same
 * wallet, registered both ways).
 */
import type { Wallet } from '@wallet-standard/base'
import type { DiscoverContext, WalletOption } from '../browser-face.js'
import { walletConnectOptions } from '../walletconnect.js'
import { deepLinks, type DeepLink } from '../deep-links.js'
import { uniqueByName, watchStandardWallets } from '../wallet-standard.js'
import { legacySolanaProvider, type LegacySolanaProvider } from './legacy.js'

/** Phantom opens a page in its own browser from this link. */
const LINKS: DeepLink[] = [
  {
    name: 'Phantom',
    href: (page) => `https://phantom.app/ul/browse/${encodeURIComponent(page.href)}?ref=${encodeURIComponent(page.origin)}`,
  },
]

export const SIGN_IN = 'solana:signIn'
export const SIGN_MESSAGE = 'solana:signMessage'
export const CONNECT = 'standard:connect'

export type SolanaHandle = { kind: 'standard'; wallet: Wallet } | { kind: 'legacy'; provider: LegacySolanaProvider }

function canProve(wallet: Wallet): boolean {
  const { features } = wallet
  return (
    wallet.chains.some((chain) => chain.startsWith('solana:')) && (SIGN_IN in features || (SIGN_MESSAGE in features && CONNECT in features))
  )
}

const option = (name: string, icon: string | undefined, handle: SolanaHandle): WalletOption => ({
  id: `solana:${name}`,
  name,
  icon,
  walletType: 'solana',
  handle,
})

export function discoverSolana(onWallets: (wallets: WalletOption[]) => void, signal: AbortSignal, context: DiscoverContext): void {
  watchStandardWallets((registered) => {
    const wallets = uniqueByName(registered.filter(canProve)).map((wallet) =>
      option(wallet.name, wallet.icon, { kind: 'standard', wallet }),
    )
    const legacy = wallets.length ? undefined : legacySolanaProvider()
    if (legacy) wallets.push(option(legacy.isPhantom ? 'Phantom' : 'Solana wallet', undefined, { kind: 'legacy', provider: legacy }))
    onWallets([...wallets, ...walletConnectOptions('solana', context), ...deepLinks('solana', LINKS, wallets)])
  }, signal)
}
