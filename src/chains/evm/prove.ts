/**
 * Connect an EIP-1193 wallet, ask the relay for a challenge bound to its address
 * and chain, and have the wallet sign the relay's SIWE message with `personal_sign`.
 *
 * The message names the chain the wallet is on when the relay allows it; otherwise
 * the wallet is asked to switch to the relay's first chain. A smart account's
 * signature depends on its chain, so the widget never names a chain the wallet is
 * not on: a wallet that does not switch ends in `WrongNetworkError`.
 */
import { numberToHex, stringToHex } from 'viem/utils'
import type { ProveContext, Proof, WalletOption } from '../browser-face.js'
import { UserRejectedError, WalletError, WrongNetworkError, walletCall } from '../errors.js'
import { isWalletConnect } from '../walletconnect.js'
import type { Eip1193Provider } from './eip1193.js'
import type { EvmPublic } from './spec.js'

function ask<T>(provider: Eip1193Provider, method: string, params?: unknown[]): Promise<T> {
  return walletCall(method, async () => (await provider.request(params ? { method, params } : { method })) as T)
}

const chainOf = async (provider: Eip1193Provider) => Number.parseInt(await ask<string>(provider, 'eth_chainId'), 16)

/** The wallet's chain when the relay allows it, else the relay's first once the wallet has switched to it. */
async function chooseChain(provider: Eip1193Provider, allowed: readonly number[]): Promise<number> {
  const current = await chainOf(provider)
  if (allowed.includes(current)) return current
  const target = allowed[0]
  if (target === undefined) throw new WalletError('The relay allows no chain.')
  try {
    await ask(provider, 'wallet_switchEthereumChain', [{ chainId: numberToHex(target) }])
  } catch (error) {
    throw new WrongNetworkError(
      `The wallet is on chain ${current} and ${error instanceof UserRejectedError ? 'declined to switch' : 'could not switch'} to chain ${target}.`,
      { cause: error },
    )
  }
  const switched = await chainOf(provider)
  if (!allowed.includes(switched)) throw new WrongNetworkError(`The wallet stayed on chain ${switched}; chain ${target} was asked.`)
  return switched
}

export async function prove(wallet: WalletOption, context: ProveContext): Promise<Proof> {
  if (isWalletConnect(wallet)) return (await import('./walletconnect.js')).prove(wallet, context)
  const provider = wallet.handle as Eip1193Provider
  context.phase('connecting')
  const [address] = await ask<string[]>(provider, 'eth_requestAccounts')
  if (!address) throw new WalletError('The wallet shared no account.')
  const { chainIds } = context.settings as EvmPublic
  const chainId = await chooseChain(provider, chainIds)
  context.signal.throwIfAborted()

  const { message } = await context.challenge({ address, chainId })
  if (!message) throw new WalletError('The relay sent no message to sign.')
  context.phase('signing')
  const signature = await ask<string>(provider, 'personal_sign', [stringToHex(message), address])
  context.signal.throwIfAborted()
  return { walletAddress: address, verificationData: { message, signature } }
}
