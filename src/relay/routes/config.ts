import { Hono } from 'hono'
import type { ConfigResponse } from '../../protocol/relay.js'
import type { RelayEnv, RelaySettings } from '../env.js'
import { manifestUrlFor } from './ton-manifest.js'

/** `GET /v1/config`: what the widget needs to offer the right chains. */
export function configRoute(settings: RelaySettings) {
  const { chains } = settings
  return new Hono<RelayEnv>().get('/', (c) => {
    const body: ConfigResponse = {
      chains,
      ...(chains.includes('evm') ? { evm: { chainIds: settings.evm.chainIds } } : {}),
      ...(chains.includes('solana') ? { solana: { chain: settings.solana.chain } } : {}),
      ...(chains.includes('ton')
        ? {
            ton: {
              network: settings.ton.network,
              ...(settings.publicUrl ? { manifestUrl: manifestUrlFor(settings.publicUrl, c.get('origin') ?? c.req.header('origin')) } : {}),
            },
          }
        : {}),
      challengeTtlSeconds: settings.challengeTtlSeconds,
    }
    return c.json(body)
  })
}
