/**
 * Connect an EIP-1193 wallet, ask the relay for a challenge bound to its address
 * and chain, and have the wallet sign the relay's SIWE message with `personal_sign`.
 */
import { stringToHex } from 'viem/utils'
import type { ProveContext, Proof, WalletOption } from '../browser-face.js'
import { WalletError, walletCall } from '../errors.js'
import type { Eip1193Provider } from './eip1193.js'
import type { EvmPublic } from './spec.js'

function ask<T>(provider: Eip1193Provider, method: string, params?: unknown[]): Promise<T> {
  return walletCall(method, async () => (await provider.request(params ? { method, params } : { method })) as T)
}

/** The wallet's chain when the relay allows it, else the relay's first: an EOA's signature does not depend on it. */
function chooseChain(walletChainHex: string, allowed: readonly number[]): number | undefined {
  const walletChain = Number.parseInt(walletChainHex, 16)
  return allowed.includes(walletChain) ? walletChain : allowed[0]
}

export async function prove(wallet: WalletOption, context: ProveContext): Promise<Proof> {
  const provider = wallet.handle as Eip1193Provider
  context.phase('connecting')
  const [address] = await ask<string[]>(provider, 'eth_requestAccounts')
  if (!address) throw new WalletError('The wallet shared no account.')
  const chainHex = await ask<string>(provider, 'eth_chainId')
  context.signal.throwIfAborted()

  const { chainIds } = context.settings as EvmPublic
  const { message } = await context.challenge({ address, chainId: chooseChain(chainHex, chainIds) })
  if (!message) throw new WalletError('The relay sent no message to sign.')
  context.phase('signing')
  const signature = await ask<string>(provider, 'personal_sign', [stringToHex(message), address])
  context.signal.throwIfAborted()
  return { walletAddress: address, verificationData: { message, signature } }
}
