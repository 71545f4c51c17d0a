/**
 * Several relay processes on one real Redis and one shared emulator, as behind a
 * load balancer: challenges, proofs and rate limits hold across instances.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evmWallet } from '../support/evm.js'
import { startBin, urlIn, type Running } from '../support/processes.js'
import { startRedis } from '../support/redis.js'
import type { ChallengeResponse, LinkResponse, ProfileResponse } from '../../src/protocol/relay.js'
import { mintUserToken } from '../../src/relay/host-token.js'

const ORIGIN = 'https://app.example'
const HOST_SECRET = `host-${crypto.randomUUID()}`
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
    HOST_TOKEN_SECRET: HOST_SECRET,
    RATE_LIMIT_IP_PER_MINUTE: '12',
    // The account tests name their client in X-Forwarded-For, so that the rate-limit test's budget stays its own.
    TRUST_PROXY_HOPS: '1',
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

const post = (relay: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${relay}${path}`, {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

let clients = 0
/** A client of its own (its address in X-Forwarded-For), so no test spends another's rate limits. */
const client = () => ({ 'x-forwarded-for': `198.51.100.${++clients}` })

/** A link request for `wallet`: the challenge asked of `relay` (with `headers`), signed. */
async function proofFrom(relay: string, headers: Record<string, string> = {}, wallet = evmWallet()) {
  const challenge = (await (
    await post(relay, '/v1/challenge', { walletType: 'evm', address: wallet.address }, headers)
  ).json()) as ChallengeResponse
  return { walletType: 'evm', walletAddress: wallet.address, verificationData: await wallet.prove(challenge) }
}

/** Links a fresh wallet through `relay`, with the session when given; resolves the link's answer. */
async function linkAt(relay: string, headers: Record<string, string>, wallet = evmWallet()) {
  const response = await post(relay, '/v1/link', await proofFrom(relay, headers, wallet), headers)
  if (response.status !== 200) throw new Error(`link at ${relay}: ${response.status} ${await response.text()}`)
  return (await response.json()) as LinkResponse
}

const bearer = (session: string) => ({ authorization: `Bearer ${session}` })
/** A GET of `path` at `relay` with the session. */
const getAt = (relay: string, path: string, session: string, headers: Record<string, string>) =>
  fetch(`${relay}${path}`, { headers: { origin: ORIGIN, ...bearer(session), ...headers } })

const users = async () =>
  (
    (await (await fetch(`${emulatorUrl}/__emulator/state`)).json()) as {
      users: { id: string; walletAddress: string; userGroupId: string | null }[]
    }
  ).users

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

  it('serialises unlinks sent to A and B at once: an account is never left empty', async () => {
    for (let round = 0; round < 5; round++) {
      const headers = client()
      const first = await linkAt(relayA, headers)
      const second = await linkAt(relayB, { ...headers, ...bearer(first.session) })
      const answers = await Promise.all([
        post(relayA, '/v1/unlink', { userId: second.wallet.userId }, { ...headers, ...bearer(first.session) }),
        post(relayB, '/v1/unlink', { userId: first.wallet.userId }, { ...headers, ...bearer(second.session) }),
      ])
      expect(
        answers.map((r) => r.status).filter((status) => status === 200),
        `round ${round}`,
      ).toHaveLength(1)
      const grouped = (await users()).filter((u) => [first.wallet.userId, second.wallet.userId].includes(u.id) && u.userGroupId)
      expect(grouped).toHaveLength(1)
    }
  })

  it('ends at B the session a wallet created there once that wallet is unlinked at A', async () => {
    const headers = client()
    const hot = evmWallet()
    const alice = await linkAt(relayA, headers)
    const hotLinked = await linkAt(relayA, { ...headers, ...bearer(alice.session) }, hot)
    const thief = await linkAt(relayB, headers, hot)
    expect((await getAt(relayB, '/v1/wallets', thief.session, headers)).status).toBe(200)
    expect((await post(relayA, '/v1/unlink', { userId: hotLinked.wallet.userId }, { ...headers, ...bearer(alice.session) })).status).toBe(
      200,
    )
    expect((await getAt(relayB, '/v1/wallets', thief.session, headers)).status).toBe(401)
    expect((await getAt(relayB, '/v1/wallets', alice.session, headers)).status).toBe(200)
  })

  it('ends at B every session of the account when asked at A', async () => {
    const headers = client()
    const wallet = evmWallet()
    const here = await linkAt(relayA, headers, wallet)
    const there = await linkAt(relayB, headers, wallet)
    const ended = await fetch(`${relayA}/v1/sessions`, {
      method: 'DELETE',
      headers: { origin: ORIGIN, ...bearer(here.session), ...headers },
    })
    expect(ended.status).toBe(204)
    expect((await getAt(relayB, '/v1/wallets', there.session, headers)).status).toBe(401)
  })

  it('makes one account of a new host user’s first links sent to A and B at once', async () => {
    for (let round = 0; round < 3; round++) {
      const from = client()
      const headers = { ...from, 'x-user-token': await mintUserToken(`host-user-${crypto.randomUUID()}`, HOST_SECRET) }
      const bodies = await Promise.all([relayA, relayB].map(async (relay) => ({ relay, body: await proofFrom(relay, from) })))
      const answers = await Promise.all(
        bodies.map(async ({ relay, body }) => {
          const answer = await post(relay, '/v1/link', body, headers)
          if (answer.status === 200) return answer
          // The one that waited for the host user's lock is asked to try again; the same proof then joins.
          expect((await answer.json()).error.code, `round ${round}`).toBe('upstream_unavailable')
          return post(relay, '/v1/link', body, headers)
        }),
      )
      expect(
        answers.map((answer) => answer.status),
        `round ${round}`,
      ).toEqual([200, 200])
      const linked = (await Promise.all(answers.map((answer) => answer.json()))) as LinkResponse[]
      const groups = new Set((await users()).filter((u) => linked.some((l) => l.wallet.userId === u.id)).map((u) => u.userGroupId))
      expect([...groups], `round ${round}`).toEqual([expect.any(String)])
    }
  })

  it('keeps every field of profile changes sent to A and B at once', async () => {
    const headers = client()
    const { session } = await linkAt(relayA, headers)
    const changes = [{ displayName: 'Ada' }, { bio: 'Counts things.' }, { location: 'London' }, { portfolioUrl: 'https://ada.example' }]
    const answers = await Promise.all(
      changes.map((change, i) => post(i % 2 ? relayB : relayA, '/v1/profile', change, { ...headers, ...bearer(session) })),
    )
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200])
    const saved = await getAt(relayB, '/v1/profile', session, headers)
    expect(((await saved.json()) as ProfileResponse).profile).toEqual(Object.assign({}, ...changes))
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
    expect((await response.json()).error).toMatchObject({
      code: 'upstream_unavailable',
      message: "The relay's store (redis) is unavailable. Try again shortly.",
    })
    const ready = await fetch(`${relayB}/readyz`)
    expect(ready.status).toBe(503)
    expect(await ready.json()).toEqual({ ok: false, checks: { store: false }, failing: ['store (redis)'] })
    expect((await fetch(`${relayB}/healthz`)).status).toBe(200)
  })
})
