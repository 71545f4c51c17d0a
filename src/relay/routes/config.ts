import { Hono } from 'hono'
import type { ConfigResponse } from '../../protocol/relay.js'
import type { RelayEnv, RelaySettings } from '../env.js'

/** `GET /v1/config`: what the widget needs to offer the right chains. */
export function configRoute(settings: RelaySettings) {
  const body: ConfigResponse = {
    chains: settings.chains,
    ...(settings.chains.includes('evm') ? { evm: { chainIds: settings.evm.chainIds } } : {}),
    ...(settings.chains.includes('solana') ? { solana: { chain: settings.solana.chain } } : {}),
    challengeTtlSeconds: settings.challengeTtlSeconds,
  }
  return new Hono<RelayEnv>().get('/', (c) => c.json(body))
}
