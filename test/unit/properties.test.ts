/**
 * Properties over generated input: no body, however odd, makes the relay answer
 * 5xx or reach the upstream. (Proofs cannot be generated valid, so none may link.)
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ERROR_CODES } from '../../src/protocol/errors.js'
import { ORIGIN, harness, type Harness } from '../support/harness.js'

const ROUTES = ['/v1/challenge', '/v1/link', '/v1/unlink', '/v1/profile']

/** Bodies shaped like the relay's own requests, with every field free to be wrong. */
const linkLike = fc.record(
  {
    walletType: fc.oneof(fc.constantFrom('evm', 'solana', 'ton', 'sui'), fc.string()),
    walletAddress: fc.oneof(
      fc.string(),
      fc.uint8Array({ minLength: 20, maxLength: 20 }).map((bytes) => `0x${Buffer.from(bytes).toString('hex')}`),
    ),
    verificationData: fc.oneof(
      fc.record({ message: fc.string(), signature: fc.string() }, { requiredKeys: [] }),
      fc.record({
        tonVerification: fc.record({
          proof: fc.record({
            timestamp: fc.integer(),
            domain: fc.record({ lengthBytes: fc.integer(), value: fc.string() }),
            payload: fc.string(),
            signature: fc.string(),
          }),
          account: fc.record({ address: fc.string(), chain: fc.constantFrom('-239', '-3'), publicKey: fc.string() }),
        }),
      }),
      fc.jsonValue(),
    ),
    confirmDisconnect: fc.boolean(),
    chainId: fc.oneof(fc.integer(), fc.double(), fc.string()),
    address: fc.string(),
    userId: fc.uuid(),
  },
  { requiredKeys: [] },
)

/**
 * One relay (and emulator) serves every run of a property: no generated body can link,
 * so none changes what the next one meets, and building one per run made the suite slow.
 */
async function answer(h: Harness, route: string, body: string) {
  const response = await h.app.request(route, { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json' }, body })
  const text = await response.text()
  return { h, status: response.status, body: text }
}

function expectHandled({ h, status, body }: Awaited<ReturnType<typeof answer>>) {
  expect(status).toBeLessThan(500)
  if (status !== 200) expect(ERROR_CODES).toContain((JSON.parse(body) as { error: { code: string } }).error.code)
  expect(h.emulator.calls).toEqual([])
}

describe('generated bodies', () => {
  it('never make the relay answer 5xx or call the upstream: any JSON value', async () => {
    const h = harness()
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), fc.jsonValue(), async (route, value) =>
        expectHandled(await answer(h, route, JSON.stringify(value))),
      ),
      { numRuns: 300 },
    )
  })

  it('never make the relay answer 5xx or call the upstream: bodies shaped like its requests', async () => {
    const h = harness()
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), linkLike, async (route, value) =>
        expectHandled(await answer(h, route, JSON.stringify(value))),
      ),
      { numRuns: 300 },
    )
  })

  it('never make the relay answer 5xx or call the upstream: any text at all', async () => {
    const h = harness()
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), fc.string({ unit: 'binary', maxLength: 400 }), async (route, text) =>
        expectHandled(await answer(h, route, text)),
      ),
      { numRuns: 300 },
    )
  })
})
