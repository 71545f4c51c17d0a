/**
 * Sui: Wallet Standard wallets sign the relay's CAIP-122 text with
 * `sui:signPersonalMessage`; the signature travels as the wallet returns it, the
 * base64 serialized signature (flag ‖ signature ‖ public key). Operators name
 * the network the text names (`sui:<network>`).
 */
import { z } from 'zod/mini'
import { SignedMessage } from '../bounded.js'
import { envVar, type ChainSpec } from '../spec.js'

export const SuiNetwork = z.enum(['mainnet', 'testnet', 'devnet', 'localnet'], { error: 'must be mainnet, testnet, devnet or localnet' })
export type SuiNetwork = z.infer<typeof SuiNetwork>

export type SuiSettings = { network: SuiNetwork }
export const SuiPublic = z.object({ network: SuiNetwork })
export type SuiPublic = z.infer<typeof SuiPublic>

export const sui = {
  id: 'sui',
  walletType: 'sui',
  snagVerifies: false,
  name: { en: 'Sui' },
  icon: 'M8 1S3.2 6.6 3.2 10a4.8 4.8 0 0 0 9.6 0C12.8 6.6 8 1 8 1zm0 3.1c1.4 1.9 3 4.3 3 5.9a3 3 0 0 1-6 0c0-1.6 1.6-4 3-5.9z',
  getWallet: { name: 'Slush', url: 'https://slush.app/' },
  proof: SignedMessage,
  env: { SUI_NETWORK: envVar('the Sui network a message names (mainnet, testnet, devnet, localnet)', 'mainnet', SuiNetwork) },
  settings: (env) => ({ network: env.SUI_NETWORK as SuiNetwork }),
  publicSettings: SuiPublic,
  toPublic: (settings) => ({ network: settings.network }),
  forSnag: ({ message, signature }) => ({ message, signature }),
} as const satisfies ChainSpec<'sui', SuiSettings, SuiPublic, SignedMessage>

/** The CAIP-2 chain id the text names. */
export const suiChainId = (network: SuiNetwork) => `sui:${network}`
