/**
 * Security review, finding 9: host tokens were checked for their signature and
 * expiry only. A token minted for another service, one that lives a century, or
 * one issued in the future must not name a user to the relay.
 */
import { sign } from 'hono/jwt'
import { describe, expect, it } from 'vitest'
import { evmWallet } from '../support/evm.js'
import { START, errorOf, harness } from '../support/harness.js'

const SECRET = 'host-secret-for-security-tests-0123456789'
const now = Math.floor(START / 1000)
const token = (claims: Record<string, unknown>) => sign({ sub: 'alice', iat: now, exp: now + 300, ...claims }, SECRET, 'HS256')

async function linkWith(env: Record<string, string>, claims: Record<string, unknown>) {
  const h = harness({ env: { HOST_TOKEN_SECRET: SECRET, ...env } })
  const { response } = await h.linkEvm(evmWallet(), { headers: { 'x-user-token': await token(claims) } })
  return { h, response }
}

describe('host tokens', () => {
  it.each([
    ['naming an audience when the relay expects none', {}, { aud: 'another-service' }, /another audience/],
    ['naming an issuer when the relay expects none', {}, { iss: 'https://elsewhere.example' }, /another issuer/],
    [
      'for another audience than HOST_TOKEN_AUDIENCE',
      { HOST_TOKEN_AUDIENCE: 'link-wallet' },
      { aud: 'another-service' },
      /another audience/,
    ],
    ['without the audience HOST_TOKEN_AUDIENCE asks for', { HOST_TOKEN_AUDIENCE: 'link-wallet' }, {}, /another audience/],
    [
      'from another issuer than HOST_TOKEN_ISSUER',
      { HOST_TOKEN_ISSUER: 'https://app.example' },
      { iss: 'https://elsewhere.example' },
      /another issuer/,
    ],
    ['living a hundred years', {}, { exp: now + 100 * 365 * 24 * 3600 }, /lives longer/],
    ['living longer than 15 minutes, without iat', {}, { iat: undefined, exp: now + 16 * 60 }, /lives longer/],
    ['issued in the future', {}, { iat: now + 3600, exp: now + 3700 }, /issued in the future/],
    [
      'living longer than HOST_TOKEN_MAX_LIFETIME_SECONDS',
      { HOST_TOKEN_MAX_LIFETIME_SECONDS: '60' },
      { exp: now + 120 },
      /lives longer than the 60 seconds/,
    ],
  ])('refuses a token %s, and links nothing', async (_, env, claims, message) => {
    const { h, response } = await linkWith(env, claims)
    expect(await errorOf(response)).toMatchObject({ status: 401, code: 'unauthorized', message: expect.stringMatching(message) })
    expect(h.emulator.state.snapshot().users).toEqual([])
  })

  it.each([
    ['with neither audience nor issuer, when the relay expects none', {}, {}],
    [
      'for HOST_TOKEN_AUDIENCE from HOST_TOKEN_ISSUER',
      { HOST_TOKEN_AUDIENCE: 'link-wallet', HOST_TOKEN_ISSUER: 'https://app.example' },
      { aud: 'link-wallet', iss: 'https://app.example' },
    ],
    ['whose audience list names HOST_TOKEN_AUDIENCE', { HOST_TOKEN_AUDIENCE: 'link-wallet' }, { aud: ['other', 'link-wallet'] }],
    ['of exactly 15 minutes', {}, { exp: now + 15 * 60 }],
  ])('accepts a token %s', async (_, env, claims) => {
    const { response } = await linkWith(env, claims)
    expect(response.status).toBe(200)
  })
})
