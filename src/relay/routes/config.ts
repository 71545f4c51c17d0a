import { Hono } from 'hono'
import type { ConfigResponse } from '../../protocol/relay.js'
import type { RelayChains } from '../chains.js'
import type { RelayEnv } from '../env.js'

/** `GET /v1/config`: the enabled chains, each with what its wallets need (under its own id). */
export function configRoute({
  chains,
  challengeTtlSeconds,
  publicUrl,
}: {
  chains: RelayChains
  challengeTtlSeconds: number
  publicUrl?: string | undefined
}) {
  return new Hono<RelayEnv>().get('/', (c) => {
    const origin = c.get('origin') ?? c.req.header('origin')
    const body = {
      chains: chains.enabled.map(({ server }) => server.spec.id),
      ...Object.fromEntries(
        chains.enabled.map(({ server, settings }) => [server.spec.id, server.spec.toPublic(settings, { publicUrl, origin })]),
      ),
      challengeTtlSeconds,
    } as ConfigResponse
    return c.json(body)
  })
}
