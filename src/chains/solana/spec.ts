/**
 * Solana: Wallet Standard wallets sign in with `solana:signIn`, or sign the same
 * Sign-In With Solana text with `solana:signMessage`; the signature travels in
 * base58. Operators name the cluster the text names as its Chain ID.
 */
import { z } from 'zod/mini'
import { SignedMessage } from '../bounded.js'
import { envVar, type ChainSpec } from '../spec.js'

export const SolanaCluster = z.enum(['mainnet', 'devnet', 'testnet'])
export type SolanaCluster = z.infer<typeof SolanaCluster>

export type SolanaSettings = { chain: SolanaCluster }
export const SolanaPublic = z.object({ chain: SolanaCluster })
export type SolanaPublic = z.infer<typeof SolanaPublic>

export const solana = {
  id: 'solana',
  walletType: 'solana',
  snagVerifies: true,
  name: { en: 'Solana', ar: 'سولانا' },
  icon: 'M4 3h10l-2 2H2zm-2 4h10l2 2H4zm2 4h10l-2 2H2z',
  getWallet: { name: 'Phantom', url: 'https://phantom.com/download' },
  proof: SignedMessage,
  env: { SOLANA_CHAIN: envVar('the cluster a Sign-In With Solana message names (mainnet, devnet, testnet)', 'mainnet', SolanaCluster) },
  settings: (env) => ({ chain: env.SOLANA_CHAIN as SolanaCluster }),
  publicSettings: SolanaPublic,
  toPublic: (settings) => ({ chain: settings.chain }),
  forSnag: ({ message, signature }) => ({ message, signature }),
} as const satisfies ChainSpec<'solana', SolanaSettings, SolanaPublic, SignedMessage>
