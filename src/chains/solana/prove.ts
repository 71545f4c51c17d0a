/**
 * Prove a Solana wallet: `solana:signIn` where the wallet has it (one approval,
 * the wallet picks the account and writes the SIWS text from our input); else
 * connect, then sign the same SIWS text with `solana:signMessage` (or a legacy
 * provider's `signMessage`). The signature travels in base58.
 */
import { base58 } from '@scure/base'
import type { SolanaSignInFeature, SolanaSignMessageFeature } from '@solana/wallet-standard-features'
import type { WalletAccount } from '@wallet-standard/base'
import type { StandardConnectFeature } from '@wallet-standard/features'
import type { ProveContext, Proof, WalletOption } from '../browser-face.js'
import { WalletError, walletCall } from '../errors.js'
import { siwsInput } from './siws.js'
import type { SolanaCluster, SolanaPublic } from './spec.js'
import { CONNECT, SIGN_IN, SIGN_MESSAGE, type SolanaHandle } from './discover.js'
import type { LegacySolanaProvider } from './legacy.js'
import { isWalletConnect } from '../walletconnect.js'

type Features = Partial<SolanaSignInFeature & SolanaSignMessageFeature & StandardConnectFeature>

const utf8 = (text: string) => new TextEncoder().encode(text)

function proof(address: string, message: string, signature: Uint8Array): Proof {
  return { walletAddress: address, verificationData: { message, signature: base58.encode(signature) } }
}

export async function prove(wallet: WalletOption, context: ProveContext): Promise<Proof> {
  if (isWalletConnect(wallet)) return (await import('./walletconnect.js')).prove(wallet, context)
  const handle = wallet.handle as SolanaHandle
  const chain: SolanaCluster = (context.settings as SolanaPublic).chain
  if (handle.kind === 'legacy') return proveLegacy(handle.provider, context)

  const features = handle.wallet.features as Features
  const signIn = features[SIGN_IN]
  if (signIn) {
    const challenge = await context.challenge({})
    context.phase('signing')
    const [output] = await walletCall('sign-in', () => signIn.signIn(siwsInput(challenge, chain)))
    if (!output) throw new WalletError('The wallet returned no sign-in.')
    return proof(output.account.address, new TextDecoder().decode(output.signedMessage), output.signature)
  }

  const connect = features[CONNECT]
  const signMessage = features[SIGN_MESSAGE]
  if (!connect || !signMessage) throw new WalletError('The wallet can neither sign in nor sign messages.')
  context.phase('connecting')
  const { accounts } = await walletCall('connect', () => connect.connect())
  const account: WalletAccount | undefined = accounts.find((a) => a.chains.includes(`solana:${chain}`)) ?? accounts[0]
  if (!account) throw new WalletError('The wallet shared no account.')
  const message = await messageFor(context, account.address)
  context.phase('signing')
  const [signed] = await walletCall('signMessage', () => signMessage.signMessage({ account, message: utf8(message) }))
  if (!signed) throw new WalletError('The wallet returned no signature.')
  return proof(account.address, message, signed.signature)
}

/** The relay's Sign-In With Solana text for a challenge bound to `address`. */
export async function messageFor(context: ProveContext, address: string): Promise<string> {
  const { message } = await context.challenge({ address })
  if (!message) throw new WalletError('The relay sent no message to sign.')
  return message
}

async function proveLegacy(provider: LegacySolanaProvider, context: ProveContext): Promise<Proof> {
  context.phase('connecting')
  const { publicKey } = await walletCall('connect', () => provider.connect())
  const address = publicKey.toString()
  const message = await messageFor(context, address)
  context.phase('signing')
  const { signature } = await walletCall('signMessage', () => provider.signMessage(utf8(message), 'utf8'))
  return proof(address, message, signature)
}
