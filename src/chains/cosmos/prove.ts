/**
 * Prove a Cosmos wallet: enable the relay's first chain id, read the account,
 * ask the relay for its text, and have the wallet sign it with `signArbitrary`
 * (ADR-036). The signature travels as the JSON text of the StdSignature it returns.
 */
import type { ProveContext, Proof, WalletOption } from '../browser-face.js'
import { WalletError, walletCall } from '../errors.js'
import type { KeplrLike } from './browser.js'
import type { CosmosPublic } from './spec.js'

export async function prove(option: WalletOption, context: ProveContext): Promise<Proof> {
  const provider = option.handle as KeplrLike
  const chainId = (context.settings as CosmosPublic).chainIds[0]
  if (!chainId) throw new WalletError('The relay names no Cosmos chain.')
  context.phase('connecting')
  await walletCall('enable', () => provider.enable(chainId))
  const { bech32Address: address } = await walletCall('getKey', () => provider.getKey(chainId))
  const { message } = await context.challenge({ address, chainId })
  if (!message) throw new WalletError('The relay sent no message to sign.')
  context.phase('signing')
  const signature = await walletCall('signArbitrary', () => provider.signArbitrary(chainId, address, message))
  context.signal.throwIfAborted()
  return { walletAddress: address, verificationData: { message, signature: JSON.stringify(signature) } }
}
