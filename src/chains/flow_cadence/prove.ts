/**
 * Prove a Flow account with FCL (loaded here, when a Flow wallet is chosen):
 * authenticate with the chosen wallet's service (FCL speaks its protocol, an
 * extension's EXT/RPC included), ask the relay for its text, and have the wallet
 * sign it with `signUserMessage` (FCL wants the text as hex; the wallet signs the
 * user domain tag ‖ its bytes). The composite signatures travel as JSON.
 */
/// <reference path="./fcl.d.ts" />
import { createFlowClient, type FclStorage } from '@onflow/fcl'
import type { ProveContext, Proof, WalletOption } from '../browser-face.js'
import { UserRejectedError, WalletError } from '../errors.js'
import type { FclService } from './browser.js'
import { flowAddress, type FlowPublic } from './spec.js'

/** The Access Node FCL asks which network it is on, where the page names none: Flow's public REST nodes. */
export const ACCESS_NODE_ATTRIBUTE = 'flow-access-node-url'
const PUBLIC_ACCESS_NODES = { mainnet: 'https://rest-mainnet.onflow.org', testnet: 'https://rest-testnet.onflow.org' } as const

const toHex = (text: string) => Array.from(new TextEncoder().encode(text), (byte) => byte.toString(16).padStart(2, '0')).join('')

function memory(): FclStorage {
  const kept = new Map<string, unknown>()
  return { can: true, get: async (key) => kept.get(key) ?? null, put: async (key, value) => void kept.set(key, value) }
}

/** FCL refuses with strings such as `Declined: …` (the person said no, or closed the wallet), or returns the error. */
function failure(what: string, error: unknown): Error {
  const text = typeof error === 'string' ? error : (error as { message?: unknown })?.message
  if (typeof text === 'string' && /declin|reject|cancel|denied|halted/i.test(text)) return new UserRejectedError({ cause: error })
  return new WalletError(`The wallet could not complete ${what}.`, { cause: error })
}

export async function prove(wallet: WalletOption, context: ProveContext): Promise<Proof> {
  const service = wallet.handle as FclService
  const { network } = context.settings as FlowPublic
  // A client of the widget's own, its user kept in memory: a page's own FCL keeps its configuration and
  // signed-in user. FCL asks the access node only which network it is on (and falls back to `network`).
  const fcl = createFlowClient({
    flowNetwork: network,
    accessNodeUrl: context.attribute(ACCESS_NODE_ATTRIBUTE) ?? PUBLIC_ACCESS_NODES[network],
    storage: memory(),
    appDetailTitle: document.title || location.host,
    appDetailUrl: location.origin,
  })
  context.phase('connecting')
  let user: { addr?: string | null } | undefined
  try {
    user = await fcl.authenticate({ service, forceReauth: true })
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
    signatures = await fcl.signUserMessage(toHex(message))
  } catch (error) {
    throw failure('signUserMessage', error)
  }
  // signUserMessage returns (not throws) what went wrong.
  if (!Array.isArray(signatures) || !signatures.length) throw failure('signUserMessage', signatures)
  return { walletAddress: address, verificationData: { message, signature: JSON.stringify(signatures) } }
}
