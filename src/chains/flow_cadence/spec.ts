/**
 * Flow (Cadence accounts): an FCL wallet signs the relay's CAIP-122 text with
 * `signUserMessage` for an *account*; the signature is the composite signatures
 * the wallet returns (JSON), and only the chain knows which keys the account
 * holds and with what weight: the relay reads them from an Access Node
 * (FLOW_ACCESS_NODE_URL). Enabled only when CHAINS names it, with that node.
 */
import { z } from 'zod/mini'
import { SignedMessage } from '../bounded.js'
import { envVar, type ChainSpec } from '../spec.js'

export const FlowNetwork = z.enum(['mainnet', 'testnet'], { error: 'must be mainnet or testnet' })
export type FlowNetwork = z.infer<typeof FlowNetwork>

export type FlowSettings = { accessNode: string | undefined; network: FlowNetwork }
export const FlowPublic = z.object({ network: FlowNetwork })
export type FlowPublic = z.infer<typeof FlowPublic>

/** The CAIP-2 chain id the text names (FCL's WalletConnect names Flow's networks so: `flow:mainnet`). */
export const flowChainId = (network: FlowNetwork) => `flow:${network}`

/** `FLOW-V0.0-user`, right-padded with zero bytes to 32: what every user signature starts with. */
export const USER_DOMAIN_TAG: Uint8Array = (() => {
  const tag = new Uint8Array(32)
  tag.set(new TextEncoder().encode('FLOW-V0.0-user'))
  return tag
})()

/** A Flow address as the relay writes it: `0x` and 16 lowercase hex digits; undefined when it is not one. */
export function flowAddress(address: string): string | undefined {
  const hex = address.toLowerCase().replace(/^0x/, '')
  return /^[0-9a-f]{16}$/.test(hex) ? `0x${hex}` : undefined
}

/** An account key as a Flow Access Node lists it (numbers as strings): what the emulator's stand-in holds per account. */
export type FlowAccountKey = {
  index: string
  public_key: string
  signing_algorithm: 'ECDSA_P256' | 'ECDSA_secp256k1'
  hashing_algorithm: 'SHA2_256' | 'SHA3_256'
  sequence_number: string
  weight: string
  revoked: boolean
}

/** The record of an account key (hex `publicKey`): by default the account's first, a P-256 / SHA3-256 key of full weight. */
export function flowAccountKey(
  publicKey: string,
  {
    index = 0,
    signing = 'ECDSA_P256',
    hashing = 'SHA3_256',
    weight = 1000,
    revoked = false,
  }: {
    index?: number
    signing?: FlowAccountKey['signing_algorithm']
    hashing?: FlowAccountKey['hashing_algorithm']
    weight?: number
    revoked?: boolean
  } = {},
): FlowAccountKey {
  return {
    index: String(index),
    public_key: publicKey,
    signing_algorithm: signing,
    hashing_algorithm: hashing,
    sequence_number: '0',
    weight: String(weight),
    revoked,
  }
}

export const flow = {
  id: 'flow_cadence',
  walletType: 'flow_cadence',
  snagVerifies: false,
  enabledByDefault: false,
  name: { en: 'Flow' },
  icon: 'M11.5 2H9.4a3 3 0 0 0-3 3v2H4.5v2.4h1.9V14H9V9.4h2.5V7H9V5.2c0-.3.3-.6.6-.6h1.9z',
  getWallet: { name: 'Flow Wallet', url: 'https://wallet.flow.com/' },
  proof: SignedMessage,
  env: {
    FLOW_ACCESS_NODE_URL: envVar('the Flow Access Node REST API that holds accounts’ keys', undefined, z.url()),
    FLOW_NETWORK: envVar('the Flow network a text names (mainnet, testnet)', 'mainnet', FlowNetwork),
  },
  settings: (env) => ({ accessNode: env.FLOW_ACCESS_NODE_URL as string | undefined, network: env.FLOW_NETWORK as FlowNetwork }),
  problems: (settings) =>
    settings.accessNode ? [] : ['FLOW_ACCESS_NODE_URL is required with flow_cadence in CHAINS: the chain says which keys an account holds'],
  rpcUrls: (settings): Record<string, string> => (settings.accessNode ? { flow: settings.accessNode } : {}),
  emulated: (env, standIn): Record<string, string> => (env.FLOW_ACCESS_NODE_URL ? {} : { FLOW_ACCESS_NODE_URL: `${standIn}/flow` }),
  publicSettings: FlowPublic,
  // The access node stays on the server (its URL may carry a provider's key): signing a text needs none.
  toPublic: (settings) => ({ network: settings.network }),
  forSnag: ({ message, signature }) => ({ message, signature }),
} as const satisfies ChainSpec<'flow_cadence', FlowSettings, FlowPublic, SignedMessage>
