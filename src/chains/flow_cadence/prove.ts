/**
 * Prove a Flow account with FCL (loaded here, when a Flow wallet is chosen):
 * authenticate with the chosen wallet's service (FCL speaks its protocol, an
 * extension's EXT/RPC included), ask the relay for its text, and have the wallet
 * sign it with `signUserMessage` (FCL wants the text as hex; the wallet signs the
 * user domain tag ‖ its bytes). The composite signatures travel as JSON.
 */
/// <reference path="./fcl.d.ts" />
import * as fcl from '@onflow/fcl'
import type { ProveContext, Proof, WalletOption } from '../browser-face.js'
import { UserRejectedError, WalletError } from '../errors.js'
import type { FclService } from './browser.js'
import { flowAddress, type FlowPublic } from './spec.js'

const toHex = (text: string) => Array.from(new TextEncoder().encode(text), (byte) => byte.toString(16).padStart(2, '0')).join('')

/** FCL refuses with strings such as `Declined: …` (the person said no, or closed the wallet), or returns the error. */
function failure(what: string, error: unknown): Error {
  const text = typeof error === 'string' ? error : (error as { message?: unknown })?.message
  if (typeof text === 'string' && /declin|reject|cancel|denied|halted/i.test(text)) return new UserRejectedError({ cause: error })
  return new WalletError(`The wallet could not complete ${what}.`, { cause: error })
}

export async function prove(wallet: WalletOption, context: ProveContext): Promise<Proof> {
  const service = wallet.handle as FclService
  const { network } = context.settings as FlowPublic
  // FCL's own logging off: the widget reports what goes wrong. No access node: signing a text needs none.
  fcl.config({ 'flow.network': network, 'logger.level': 0, 'app.detail.title': document.title || location.host })
  context.phase('connecting')
  let user: { addr?: string | null } | undefined
  try {
    user = await fcl.authenticate({ service: service as never, forceReauth: true })
  } catch (error) {
    throw failure('sign-in', error)
  }
  const address = user?.addr ? flowAddress(user.addr) : undefined
  // FCL resolves without a user when the wallet declined or closed.
  if (!address) throw new UserRejectedError()
  const { message } = await context.challenge({ address })
  if (!message) throw new WalletError('The relay sent no message to sign.')
  context.phase('signing')
  let signatures: unknown
  try {
    signatures = await fcl.currentUser.signUserMessage(toHex(message))
  } catch (error) {
    throw failure('signUserMessage', error)
  }
  // signUserMessage returns (not throws) what went wrong.
  if (!Array.isArray(signatures) || !signatures.length) throw failure('signUserMessage', signatures)
  return { walletAddress: address, verificationData: { message, signature: JSON.stringify(signatures) } }
}
