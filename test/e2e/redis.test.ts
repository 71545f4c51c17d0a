/**
 * Several relay processes on one real Redis and one shared emulator, as behind a
 * load balancer: challenges, proofs and rate limits hold across instances.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evmWallet } from '../support/evm.js'
import { startBin, urlIn, type Running } from '../support/processes.js'
import { startRedis } from '../support/redis.js'
import type { ChallengeResponse } from '../../src/protocol/relay.js'

const ORIGIN = 'https://app.example'
const creds = {
  SNAG_API_KEY: `shared-${crypto.randomUUID()}`,
  SNAG_WEBSITE_ID: crypto.randomUUID(),
  SNAG_ORGANIZATION_ID: crypto.randomUUID(),
}

let redis: Awaited<ReturnType<typeof startRedis>>
let emulator: Running
let a: Running
let b: Running
let emulatorUrl: string
let relayA: string
let relayB: string

beforeAll(async () => {
  redis = await startRedis()
  emulator = await startBin(['--emulator-only'], { ...creds, PORT: '0' }, 1)
  expect(emulator.lines[0]).toMatch(/^snag emulator listening on http:\/\/127\.0\.0\.1:\d+$/)
  emulatorUrl = urlIn(emulator.lines[0])
  const env = {
    ...creds,
    PORT: '0',
    ALLOWED_ORIGINS: ORIGIN,
    SNAG_API_URL: emulatorUrl,
    REDIS_URL: redis.url,
    RATE_LIMIT_IP_PER_MINUTE: '12',
    LOG_LEVEL: 'warn',
  }
  ;[a, b] = await Promise.all([startBin([], env, 1), startBin([], env, 1)])
  relayA = urlIn(a.lines[0])
  relayB = urlIn(b.lines[0])
})

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop(), emulator?.stop()])
  await redis?.stop()
})

const post = (relay: string, path: string, body: unknown) =>
  fetch(`${relay}${path}`, { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify(body) })

async function proofFrom(relay: string) {
  const wallet = evmWallet()
  const challenge = (await (await post(relay, '/v1/challenge', { walletType: 'evm', address: wallet.address })).json()) as ChallengeResponse
  return { walletType: 'evm', walletAddress: wallet.address, verificationData: await wallet.prove(challenge) }
}

const users = async () => ((await (await fetch(`${emulatorUrl}/__emulator/state`)).json()) as { users: { walletAddress: string }[] }).users

describe('two relays on one Redis', () => {
  it('links at B a proof answering a challenge issued by A', async () => {
    const body = await proofFrom(relayA)
    const response = await post(relayB, '/v1/link', body)
    expect(response.status).toBe(200)
    expect((await users()).some((u) => u.walletAddress === body.walletAddress)).toBe(true)
  })

  it('links a proof sent to A and B at the same moment exactly once', async () => {
    for (let round = 0; round < 3; round++) {
      const body = await proofFrom(relayA)
      const answers = await Promise.all([post(relayA, '/v1/link', body), post(relayB, '/v1/link', body)])
      const statuses = answers.map((r) => r.status).sort()
      expect(statuses).toEqual([200, 400])
      const refused = await answers.find((r) => r.status === 400)!.json()
      expect(refused.error.code).toBe('challenge_unknown')
      expect((await users()).filter((u) => u.walletAddress === body.walletAddress)).toHaveLength(1)
    }
  })

  it('holds a rate limit across both instances', async () => {
    // Earlier tests spent some of this minute's budget; spend the rest alternating A and B.
    const statuses: number[] = []
    for (let i = 0; i < 16; i++) statuses.push((await post(i % 2 ? relayB : relayA, '/v1/challenge', { walletType: 'evm' })).status)
    expect(statuses).toContain(429)
    const firstLimited = statuses.indexOf(429)
    expect(statuses.slice(firstLimited).every((s) => s === 429)).toBe(true)
  })

  it('answers fast and never accepts a proof when Redis is gone; readiness fails', async () => {
    await redis.stop()
    const started = performance.now()
    const response = await post(relayA, '/v1/challenge', { walletType: 'evm' })
    expect(performance.now() - started).toBeLessThan(1500)
    expect(response.status).toBe(503)
    expect((await response.json()).error.code).toBe('upstream_unavailable')
    expect((await fetch(`${relayB}/readyz`)).status).toBe(503)
    expect((await fetch(`${relayB}/healthz`)).status).toBe(200)
  })
})
