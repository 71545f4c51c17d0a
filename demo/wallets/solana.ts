/**
 * A demo Solana wallet registered through the Wallet Standard: a real ed25519
 * key made in this page, `standard:connect`, `solana:signMessage` and (unless
 * turned off) `solana:signIn`, which writes the SIWS text with the Wallet
 * Standard's own `createSignInMessageText`, as real wallets do. Every request
 * waits for the visitor's approval; declining answers code 4001.
 */
import { ed25519 } from '@noble/curves/ed25519'
import { base58, hex } from '@scure/base'
import type {
  SolanaSignInInput,
  SolanaSignInOutput,
  SolanaSignMessageInput,
  SolanaSignMessageOutput,
} from '@solana/wallet-standard-features'
import { createSignInMessageText } from '@solana/wallet-standard-util'
import type { Wallet, WalletAccount } from '@wallet-standard/base'
import type { ApprovalRequest } from '../approval.js'
import { icons } from './icons.js'
import { askWith, registerDemoWallet } from './standard.js'

const KEY = 'link-wallet-demo:solana-key'
const CHAINS = ['solana:mainnet', 'solana:devnet', 'solana:testnet'] as const

export function installDemoSolanaWallet(approve: (request: ApprovalRequest) => Promise<boolean>, { signIn = true } = {}) {
  const stored = sessionStorage.getItem(KEY)
  const secretKey = stored?.length === 64 ? hex.decode(stored) : ed25519.utils.randomPrivateKey()
  sessionStorage.setItem(KEY, hex.encode(secretKey))
  const publicKey = ed25519.getPublicKey(secretKey)
  const address = base58.encode(publicKey)
  const account: WalletAccount = {
    address,
    publicKey,
    chains: CHAINS,
    features: ['solana:signMessage', ...(signIn ? ['solana:signIn' as const] : [])],
  }
  const ask = askWith(approve)

  const signMessage = async (...inputs: readonly SolanaSignMessageInput[]): Promise<SolanaSignMessageOutput[]> => {
    const outputs: SolanaSignMessageOutput[] = []
    for (const { account: signer, message } of inputs) {
      if (signer.address !== address) throw new Error('Unknown account.')
      await ask({ title: 'Sign this message?', message: new TextDecoder().decode(message) })
      outputs.push({ signedMessage: message, signature: ed25519.sign(message, secretKey), signatureType: 'ed25519' })
    }
    return outputs
  }

  const signInWithSolana = async (...inputs: readonly SolanaSignInInput[]): Promise<SolanaSignInOutput[]> => {
    const outputs: SolanaSignInOutput[] = []
    for (const input of inputs) {
      const text = createSignInMessageText({ ...input, domain: input.domain ?? location.host, address: input.address ?? address })
      await ask({ title: 'Sign in with Solana?', message: text })
      const signedMessage = new TextEncoder().encode(text)
      wallet.connect()
      outputs.push({ account, signedMessage, signature: ed25519.sign(signedMessage, secretKey), signatureType: 'ed25519' })
    }
    return outputs
  }

  const wallet = registerDemoWallet({
    name: 'Demo Solana Wallet',
    icon: icons.solana as Wallet['icon'],
    chains: CHAINS,
    account,
    connectTitle: `Connect Demo Solana Wallet (${address.slice(0, 6)}…)?`,
    ask,
    features: {
      'solana:signMessage': { version: '1.1.0', signMessage },
      ...(signIn ? { 'solana:signIn': { version: '1.0.0', signIn: signInWithSolana } } : {}),
    },
  })
  return { address }
}
