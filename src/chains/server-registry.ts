/**
 * The server face of every chain in the registry. The compiler holds this list to
 * `CHAINS`: a chain without a server face does not build.
 */
import { agwServer } from './agw/server.js'
import { cosmosServer } from './cosmos/server.js'
import { evmServer } from './evm/server.js'
import { flowServer } from './flow_cadence/server.js'
import { imxServer } from './imx/server.js'
import type { ChainId } from './registry.js'
import type { AnyServerChain } from './server-face.js'
import { solanaServer } from './solana/server.js'
import { substrateServer } from './substrate/server.js'
import { suiServer } from './sui/server.js'
import { tonServer } from './ton/server.js'
import { ultraServer } from './ultra/server.js'

export const SERVER_CHAINS = {
  evm: evmServer,
  solana: solanaServer,
  ton: tonServer,
  sui: suiServer,
  cosmos: cosmosServer,
  substrate: substrateServer,
  agw: agwServer,
  imx: imxServer,
  ultra: ultraServer,
  flow_cadence: flowServer,
} satisfies {
  [K in ChainId]: AnyServerChain & { spec: { id: K } }
}
