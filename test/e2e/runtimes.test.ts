/**
 * One smoke test, four runtimes: the relay's compiled code on Node, Bun, Deno and
 * Cloudflare Workers (workerd through Miniflare, state in its Durable Object),
 * against one Snag emulator process. Each serves its config, issues challenges,
 * links real EVM, Solana and TON proofs, refuses a replay, and lets exactly one
 * of several identical proofs sent at once through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ChallengeResponse } from '../../src/protocol/relay.js'
import { KITS } from '../support/kits.js'
import { startBin, urlIn, type Running } from '../support/processes.js'
import { startRuntime, type Runtime, type RunningRelay } from '../support/runtimes.js'

const ORIGIN = 'https://app.example'
const creds = { SNAG_API_KEY: `rt-${crypto.randomUUID()}`, SNAG_WEBSITE_ID: crypto.randomUUID(), SNAG_ORGANIZATION_ID: crypto.randomUUID() }

let emulator: Running
let emulatorUrl: string

beforeAll(async () => {
  emulator = await startBin(['--emulator-only'], { ...creds, PORT: '0' }, 1)
  emulatorUrl = urlIn(emulator.lines[0])
})
afterAll(() => emulator?.stop())

const post = (relay: string, path: string, body: unknown) =>
  fetch(`${relay}${path}`, { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify(body) })

/** A fresh proof of `chain`'s test kit, answering a challenge `relay` issued. */
async function linkBody(relay: string, chain: 'evm' | 'solana' | 'ton') {
  const wallet = KITS[chain].wallet()
  const response = await post(relay, '/v1/challenge', wallet.challengeRequest())
  expect(response.status).toBe(200)
  const challenge = (await response.json()) as ChallengeResponse
  return { walletType: chain, walletAddress: wallet.address, verificationData: await wallet.prove(challenge) }
}

const linkedUpstream = async (address: string) =>
  ((await (await fetch(`${emulatorUrl}/__emulator/state`)).json()) as { users: { walletAddress: string }[] }).users.some(
    (user) => user.walletAddress.toLowerCase() === address.toLowerCase(),
  )

for (const runtime of ['node', 'bun', 'deno', 'workers'] satisfies Runtime[]) {
  describe(`the relay on ${runtime}`, () => {
    let relay: RunningRelay
    beforeAll(async () => {
      relay = await startRuntime(runtime, {
        ...creds,
        PORT: '0',
        HOST: '127.0.0.1',
        ALLOWED_ORIGINS: ORIGIN,
        SNAG_API_URL: emulatorUrl,
        CHAINS: 'evm,solana,ton',
        LOG_LEVEL: 'warn',
      })
    }, 120_000)
    afterAll(() => relay?.stop())

    it('serves its config', async () => {
      const response = await fetch(`${relay.url}/v1/config`, { headers: { origin: ORIGIN } })
      expect(response.status).toBe(200)
      expect((await response.json()).chains).toEqual(['evm', 'solana', 'ton'])
    })

    it('links real EVM, Solana and TON proofs, and refuses each sent again', async () => {
      for (const chain of ['evm', 'solana', 'ton'] as const) {
        const body = await linkBody(relay.url, chain)
        const linked = await post(relay.url, '/v1/link', body)
        expect(linked.status, `${chain}: ${await linked.clone().text()}`).toBe(200)
        expect(await linkedUpstream(body.walletAddress)).toBe(true)
        const replay = await post(relay.url, '/v1/link', body)
        expect(replay.status).toBe(400)
        expect((await replay.json()).error.code).toBe('challenge_unknown')
      }
    })

    it('lets exactly one of eight identical proofs sent at once through', async () => {
      const body = await linkBody(relay.url, 'evm')
      const statuses = await Promise.all(Array.from({ length: 8 }, () => post(relay.url, '/v1/link', body).then((r) => r.status)))
      expect(statuses.filter((status) => status === 200)).toHaveLength(1)
    })
  })
}
