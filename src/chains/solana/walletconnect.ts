/**
 * A Solana phone wallet over WalletConnect: pair for the cluster's CAIP-2 chain,
 * then sign the relay's Sign-In With Solana text with `solana_signMessage`
 * (message and signature in base58, as WalletConnect's Solana RPC defines them).
 */
import { base58 } from '@scure/base'
import type { ProveContext, Proof, WalletOption } from '../browser-face.js'
import { WalletError } from '../errors.js'
import { pairWallet } from '../walletconnect-session.js'
import type { PairingApp } from '../walletconnect.js'
import { messageFor } from './prove.js'
import type { SolanaCluster, SolanaPublic } from './spec.js'

/** CAIP-2 references of the clusters: the first 32 characters of each genesis hash. */
const CAIP2: Record<SolanaCluster, string> = {
  mainnet: 'solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp',
  devnet: 'solana:EtWTRABZaYq6iMfeYKouRu166VU2xqa1',
  testnet: 'solana:4uhcVJyU9pJkvQyS88uRDiswHXSCkY3z',
}

/** Apps that open a pairing link on a phone and sign Solana messages over WalletConnect. */
const APPS: PairingApp[] = [{ name: 'Trust Wallet', universal: 'https://link.trustwallet.com' }]

/** How long the widget waits for a phone wallet to pair (WalletConnect's own proposal lifetime). */
const PAIRING_MS = 5 * 60_000

export async function prove(_wallet: WalletOption, context: ProveContext): Promise<Proof> {
  const chain = CAIP2[(context.settings as SolanaPublic).chain]
  const paired = await pairWallet(
    context,
    { optionalNamespaces: { solana: { chains: [chain], methods: ['solana_signMessage'], events: [] } } },
    { apps: APPS, deadline: Date.now() + PAIRING_MS },
  )
  try {
    const account = paired.session.namespaces.solana?.accounts.find((a) => a.startsWith(`${chain}:`))
    if (!account) throw new WalletError('The wallet shared no account on this cluster.')
    const address = account.split(':').at(-1)!
    const message = await messageFor(context, address)
    context.phase('signing')
    const { signature } = await paired.request<{ signature: string }>(chain, 'solana_signMessage', {
      message: base58.encode(new TextEncoder().encode(message)),
      pubkey: address,
    })
    return { walletAddress: address, verificationData: { message, signature } }
  } finally {
    await paired.end()
  }
}
