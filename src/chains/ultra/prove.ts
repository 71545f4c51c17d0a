/**
 * Prove an Ultra account: connect (the wallet names its account, `blockchainid`,
 * sometimes with `@ultra`), ask the relay for its text, and have the wallet sign it.
 * The Ultra Wallet signs only texts that carry a type prefix: `message:` marks plain
 * text, and what it signs is the text after the prefix, the relay's text exactly.
 */
import type { ProveContext, Proof, WalletOption } from '../browser-face.js'
import { UserRejectedError, WalletError } from '../errors.js'
import type { UltraProvider } from './browser.js'

/** The Ultra Wallet refuses with `{ status: "error", message: "Transaction declined" }`, not EIP-1193's 4001. */
async function ask<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    const message = (error as { message?: unknown })?.message
    if (typeof message === 'string' && /declin|reject|cancel|denied/i.test(message)) throw new UserRejectedError({ cause: error })
    throw new WalletError(`The wallet could not complete ${what}.`, { cause: error })
  }
}

export async function prove(wallet: WalletOption, context: ProveContext): Promise<Proof> {
  const ultra = wallet.handle as UltraProvider
  context.phase('connecting')
  const { data } = await ask('connect', () => ultra.connect())
  const account = data?.blockchainid?.split('@')[0]
  if (!account) throw new WalletError('The wallet shared no account.')
  const { message } = await context.challenge({ address: account })
  if (!message) throw new WalletError('The relay sent no message to sign.')
  context.phase('signing')
  const signed = await ask('signMessage', () => ultra.signMessage(`message:${message}`))
  if (!signed?.data?.signature) throw new WalletError('The wallet returned no signature.')
  return { walletAddress: account, verificationData: { message, signature: signed.data.signature } }
}
