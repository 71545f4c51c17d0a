/**
 * Cosmos: Keplr and Leap sign the relay's CAIP-122 text with `signArbitrary`
 * (ADR-036); the signature travels as the JSON text of the `StdSignature` the
 * wallet returns. Operators name the chain ids a text may name (the wallet picks
 * one, the challenge binds to it) and the bech32 prefixes addresses may carry.
 */
import { z } from 'zod/mini'
import { SignedMessage, list } from '../bounded.js'
import { envVar, type ChainSpec } from '../spec.js'

const listOf = (pattern: RegExp, what: string) =>
  z.pipe(
    z.string(),
    z.transform((value, ctx) => {
      const items = [...new Set(list(value))]
      if (!items.length || items.some((item) => !pattern.test(item)))
        ctx.issues.push({ code: 'custom', input: value, message: `must be comma-separated ${what}, at least one` })
      return items
    }),
  )

export type CosmosSettings = { chainIds: string[]; prefixes: string[] }
export const CosmosPublic = z.object({ chainIds: z.array(z.string()) })
export type CosmosPublic = z.infer<typeof CosmosPublic>

export const cosmos = {
  id: 'cosmos',
  walletType: 'cosmos',
  snagVerifies: false,
  name: { en: 'Cosmos' },
  icon: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1.6a5.4 5.4 0 1 1 0 10.8A5.4 5.4 0 0 1 8 2.6zm0 3.2a2.2 2.2 0 1 0 0 4.4 2.2 2.2 0 0 0 0-4.4z',
  getWallet: { name: 'Keplr', url: 'https://www.keplr.app/get' },
  proof: SignedMessage,
  env: {
    COSMOS_CHAIN_IDS: envVar('Cosmos chain ids a text may name', 'cosmoshub-4', listOf(/^[-a-zA-Z0-9_]{1,32}$/, 'chain ids')),
    COSMOS_BECH32_PREFIXES: envVar('bech32 prefixes a Cosmos address may carry', 'cosmos', listOf(/^[a-z0-9]{1,16}$/, 'bech32 prefixes')),
  },
  settings: (env) => ({ chainIds: env.COSMOS_CHAIN_IDS as string[], prefixes: env.COSMOS_BECH32_PREFIXES as string[] }),
  publicSettings: CosmosPublic,
  toPublic: (settings) => ({ chainIds: settings.chainIds }),
  forSnag: ({ message, signature }) => ({ message, signature }),
} as const satisfies ChainSpec<'cosmos', CosmosSettings, CosmosPublic, SignedMessage>

/** The CAIP-2 chain id the text names. */
export const cosmosChainId = (chainId: string) => `cosmos:${chainId}`
