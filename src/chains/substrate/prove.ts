/**
 * Prove a Substrate account: enable the extension, take its first account, ask the
 * relay for its text, and have the extension sign it with `signRaw` (type 'bytes':
 * the extension wraps it in `<Bytes>…</Bytes>`). The signature travels as the
 * 0x-hex it returns.
 */
import type { ProveContext, Proof, WalletOption } from '../browser-face.js'
import { WalletError, walletCall } from '../errors.js'
import type { InjectedWeb3 } from './browser.js'

const toHex = (text: string) => `0x${Array.from(new TextEncoder().encode(text), (b) => b.toString(16).padStart(2, '0')).join('')}`

export async function prove(option: WalletOption, context: ProveContext): Promise<Proof> {
  const extension = option.handle as InjectedWeb3[string]
  context.phase('connecting')
  const injected = await walletCall('enable', () => extension.enable(document.title || location.host))
  const [account] = await walletCall('accounts', () => injected.accounts.get())
  const signRaw = injected.signer.signRaw
  if (!account) throw new WalletError('The extension shared no account.')
  if (!signRaw) throw new WalletError('The extension cannot sign messages.')
  const { message } = await context.challenge({ address: account.address })
  if (!message) throw new WalletError('The relay sent no message to sign.')
  context.phase('signing')
  const { signature } = await walletCall('signRaw', () =>
    signRaw.call(injected.signer, { address: account.address, data: toHex(message), type: 'bytes' }),
  )
  context.signal.throwIfAborted()
  return { walletAddress: account.address, verificationData: { message, signature } }
}
