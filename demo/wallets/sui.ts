/**
 * A demo Sui wallet registered through the Wallet Standard: a real ed25519 key
 * made in this page with Mysten's SDK, `standard:connect` and
 * `sui:signPersonalMessage` (what Slush and Suiet answer). Every request waits
 * for the visitor's approval; declining answers code 4001.
 */
import { Ed25519Keypair } from '@mysten/sui/keypairs/ed25519'
import { toBase64 } from '@mysten/sui/utils'
import type { Wallet, WalletAccount } from '@wallet-standard/base'
import type { ApprovalRequest } from '../approval.js'
import { icons } from './icons.js'
import { askWith, registerDemoWallet } from './standard.js'

const KEY = 'link-wallet-demo:sui-key'
const CHAINS = ['sui:mainnet', 'sui:testnet', 'sui:devnet'] as const

export function installDemoSuiWallet(approve: (request: ApprovalRequest) => Promise<boolean>) {
  const stored = sessionStorage.getItem(KEY)
  const keypair = stored ? Ed25519Keypair.fromSecretKey(stored) : new Ed25519Keypair()
  sessionStorage.setItem(KEY, keypair.getSecretKey())
  const address = keypair.toSuiAddress()
  const account: WalletAccount = {
    address,
    publicKey: keypair.getPublicKey().toRawBytes(),
    chains: CHAINS,
    features: ['sui:signPersonalMessage'],
  }
  const ask = askWith(approve)
  registerDemoWallet({
    name: 'Demo Sui Wallet',
    icon: icons.sui as Wallet['icon'],
    chains: CHAINS,
    account,
    connectTitle: `Connect Demo Sui Wallet (${address.slice(0, 8)}…)?`,
    ask,
    features: {
      'sui:signPersonalMessage': {
        version: '1.1.0',
        signPersonalMessage: async ({ message, account: signer }: { message: Uint8Array; account: WalletAccount }) => {
          if (signer.address !== address) throw new Error('Unknown account.')
          await ask({ title: 'Sign this message?', message: new TextDecoder().decode(message) })
          const { signature } = await keypair.signPersonalMessage(message)
          return { bytes: toBase64(message), signature }
        },
      },
    },
  })
  return { address }
}
