/**
 * The one list of chains. Everything chain-specific elsewhere derives from it:
 * the relay's wallet types, requests and `/v1/config`, its environment variables,
 * and (through the face registries beside it, which the compiler holds to this
 * list) the widget's wallets and the relay's verifiers. Adding a chain is its
 * folder, `src/chains/<id>/`, and one line here; `tsc` then asks for its faces.
 */
import { agw } from './agw/spec.js'
import { cosmos } from './cosmos/spec.js'
import { evm } from './evm/spec.js'
import { flow } from './flow_cadence/spec.js'
import { imx } from './imx/spec.js'
import { solana } from './solana/spec.js'
import { substrate } from './substrate/spec.js'
import { sui } from './sui/spec.js'
import { ton } from './ton/spec.js'
import { ultra } from './ultra/spec.js'
import { defineChains } from './spec.js'

export const CHAINS = defineChains({ evm, solana, ton, sui, cosmos, substrate, agw, imx, ultra, flow_cadence: flow })

export type ChainId = keyof typeof CHAINS
export const CHAIN_IDS = Object.keys(CHAINS) as ChainId[]

export type SettingsOf<Id extends ChainId> = ReturnType<(typeof CHAINS)[Id]['settings']>
export type PublicOf<Id extends ChainId> = ReturnType<(typeof CHAINS)[Id]['toPublic']>
export type ProofOf<Id extends ChainId> = Parameters<(typeof CHAINS)[Id]['forSnag']>[0]
