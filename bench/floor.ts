/**
 * The floor for the relay's throughput on this machine: a bare Hono app that issues
 * challenges the same way and only parses and verifies the same proofs (no CORS,
 * no store round trips, no single use, no upstream call, no logs).
 */
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { SERVER_CHAINS } from '../src/chains/server-registry.js'
import { nodeCrypto } from '../src/crypto/node.js'
import { LinkRequest } from '../src/protocol/relay.js'
import { relayChains } from '../src/relay/chains.js'
import { createChallenges } from '../src/relay/challenges.js'
import { loadConfig } from '../src/relay/config.js'
import { createMemoryStore } from '../src/relay/stores/memory.js'

const ORIGIN = process.env.ALLOWED_ORIGINS ?? 'https://bench.example'
const config = loadConfig({
  ALLOWED_ORIGINS: ORIGIN,
  SNAG_API_KEY: 'unused',
  SNAG_WEBSITE_ID: '123e4567-e89b-12d3-a456-426614174000',
  SNAG_ORGANIZATION_ID: '123e4567-e89b-12d3-a456-426614174001',
})
const challenges = createChallenges({
  store: createMemoryStore(),
  now: Date.now,
  ttlSeconds: 3600,
  statement: config.statement,
  secret: config.challengeSecret,
  allowedOrigins: config.allowedOrigins,
})

const chains = relayChains(Object.values(SERVER_CHAINS), config, { crypto: nodeCrypto, now: Date.now, rpc: () => undefined })

const app = new Hono()
  .post('/v1/challenge', async (c) => {
    const body = (await c.req.json()) as { walletType: string; chainId?: number }
    const chainId = chains.get(body.walletType).verifier.challengeChainId(body.chainId)
    const record = await challenges.issue({ walletType: body.walletType, chainId }, c.req.header('origin') ?? ORIGIN)
    const { nonce, domain, uri, statement, version, issuedAt, expiresAt } = record
    return c.json({ nonce, domain, uri, statement, version, issuedAt, expiresAt, ...(chainId ? { chainId } : {}) })
  })
  .post('/v1/link', async (c) => {
    const request = LinkRequest.parse(await c.req.json())
    const { server, verifier } = chains.get(request.walletType)
    const origin = c.req.header('origin') ?? ORIGIN
    const subject = { walletType: request.walletType, address: server.canonicalAddress(request.walletAddress) ?? request.walletAddress }
    const challenge = await challenges.open(verifier.nonceOf(request.verificationData), subject, origin)
    await verifier.verify(request.verificationData, { challenge, walletAddress: request.walletAddress })
    return c.json({ ok: true })
  })

serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => console.log(`bench floor listening on http://127.0.0.1:${info.port}`))
