/**
 * Prove a Sui wallet: connect, ask the relay for its text for the account, and
 * have the wallet sign it with `sui:signPersonalMessage`. The signature travels as
 * the wallet returns it (base64, flag ‖ signature ‖ public key).
 */
import type { Wallet, WalletAccount } from '@wallet-standard/base'
import type { ProveContext, Proof, WalletOption } from '../browser-face.js'
import { WalletError, walletCall } from '../errors.js'
import { CONNECT, SIGN_PERSONAL_MESSAGE } from './browser.js'
import type { SuiPublic } from './spec.js'

type Features = {
  [CONNECT]: { connect(): Promise<{ accounts: readonly WalletAccount[] }> }
  [SIGN_PERSONAL_MESSAGE]: {
    signPersonalMessage(input: {
      message: Uint8Array
      account: WalletAccount
      chain?: string
    }): Promise<{ bytes: string; signature: string }>
  }
}

export async function prove(option: WalletOption, context: ProveContext): Promise<Proof> {
  const wallet = option.handle as Wallet
  const features = wallet.features as unknown as Features
  const chain = `sui:${(context.settings as SuiPublic).network}`
  context.phase('connecting')
  const { accounts } = await walletCall('connect', () => features[CONNECT].connect())
  const account = accounts.find((a) => a.chains.includes(chain as `${string}:${string}`)) ?? accounts[0]
  if (!account) throw new WalletError('The wallet shared no account.')
  const { message } = await context.challenge({ address: account.address })
  if (!message) throw new WalletError('The relay sent no message to sign.')
  context.phase('signing')
  const signed = await walletCall('signPersonalMessage', () =>
    features[SIGN_PERSONAL_MESSAGE].signPersonalMessage({ message: new TextEncoder().encode(message), account, chain }),
  )
  context.signal.throwIfAborted()
  return { walletAddress: account.address, verificationData: { message, signature: signed.signature } }
}
