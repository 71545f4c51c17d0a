/** The relay's logs say what happened to each request and never carry a secret. */
import { sign } from 'hono/jwt'
import { describe, expect, it } from 'vitest'
import { evmWallet } from '../../test/support/evm.js'
import { START, bearer, harness } from '../../test/support/harness.js'
import type { LinkResponse } from '../protocol/relay.js'
import { createRelayLogger } from './logger.js'

const HOST_SECRET = 'host-secret-for-log-tests-0123456789abcdef'

function capture() {
  const lines: string[] = []
  const logger = createRelayLogger('debug', { write: (line: string) => void lines.push(line) })
  return { lines, logger }
}

describe('relay logs', () => {
  it('log each request with an id, status and latency, and echo the id', async () => {
    const { lines, logger } = capture()
    const h = harness({ logger })
    const response = await h.post('/v1/challenge', { walletType: 'evm' }, { 'x-request-id': 'req-12345678' })
    expect(response.headers.get('x-request-id')).toBe('req-12345678')
    const entry = lines.map((line) => JSON.parse(line)).find((e) => e.msg === 'request')
    expect(entry).toMatchObject({ reqId: 'req-12345678', method: 'POST', path: '/v1/challenge', status: 200, ms: expect.any(Number) })
  })

  it('name the refusal code, and never the API key, signature, session or tokens', async () => {
    const { lines, logger } = capture()
    const h = harness({ logger, env: { HOST_TOKEN_SECRET: HOST_SECRET } })
    const wallet = evmWallet()
    const userToken = await sign({ sub: 'host-user', exp: Math.floor(START / 1000) + 300 }, HOST_SECRET, 'HS256')
    const first = await h.linkEvm(wallet, { headers: { 'x-user-token': userToken } })
    const { session } = (await first.response.json()) as LinkResponse
    await h.get('/v1/wallets', bearer(session))
    await h.post('/v1/link', first.body, bearer(session)) // a replay: refused, logged
    for (let i = 0; i < 3; i++)
      h.emulator.faults.next('/api/users/connect', { status: 403, body: { message: 'Forbidden, Could not validate api key' } })
    await h.linkEvm(evmWallet())

    const text = lines.join('\n')
    expect(text).toContain('"code":"challenge_unknown"')
    expect(text).toMatch(/Snag refused the relay: check SNAG_API_KEY/)
    for (const secret of [h.config.snag.apiKey, first.body.verificationData.signature!, session, userToken, HOST_SECRET])
      expect(text).not.toContain(secret)
  })

  it('redact secrets even when a part logs them by mistake', () => {
    const { lines, logger } = capture()
    logger.info(
      { apiKey: 'k-123', request: { signature: '0xsig', session: 's-1' }, headers: { authorization: 'Bearer t', 'x-user-token': 'u' } },
      'oops',
    )
    expect(lines.join()).not.toMatch(/k-123|0xsig|s-1|Bearer t|"u"/)
    expect(lines.join()).toContain('[redacted]')
  })
})
