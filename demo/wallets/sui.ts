/**
 * A demo Sui wallet registered through the Wallet Standard: a real ed25519 key
 * made in this page with Mysten's SDK, `standard:connect` and
 * `sui:signPersonalMessage` (what Slush and Suiet answer). Every request waits
 * for the visitor's approval; declining answers code 4001.
 */
import { Ed25519Keypair } from '@mysten/sui/keypairs/ed25519'
import { toBase64 } from '@mysten/sui/utils'
import type { Wallet, WalletAccount } from '@wallet-standard/base'
import type { StandardEventsListeners } from '@wallet-standard/features'
import { registerWallet } from '@wallet-standard/wallet'
import type { ApprovalRequest } from '../approval.js'
import { icons } from './icons.js'

const KEY = 'link-wallet-demo:sui-key'
const CHAINS = ['sui:mainnet', 'sui:testnet', 'sui:devnet'] as const

class WalletRejection extends Error {
  readonly code = 4001
  constructor() {
    super('User rejected the request.')
  }
}

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
  let accounts: WalletAccount[] = []
  const listeners = new Set<StandardEventsListeners['change']>()
  const ask = async (request: ApprovalRequest) => {
    if (!(await approve(request))) throw new WalletRejection()
  }

  const wallet: Wallet = {
    version: '1.0.0',
    name: 'Demo Sui Wallet',
    icon: icons.sui as Wallet['icon'],
    chains: CHAINS,
    get accounts() {
      return accounts
    },
    features: {
      'standard:connect': {
        version: '1.0.0',
        connect: async () => {
          if (!accounts.length) {
            await ask({ title: `Connect Demo Sui Wallet (${address.slice(0, 8)}…)?` })
            accounts = [account]
            for (const listener of listeners) listener({ accounts })
          }
          return { accounts }
        },
      },
      'standard:events': {
        version: '1.0.0',
        on: (_event: 'change', listener: StandardEventsListeners['change']) => {
          listeners.add(listener)
          return () => listeners.delete(listener)
        },
      },
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
  }
  registerWallet(wallet)
  return { address }
}
