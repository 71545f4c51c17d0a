/**
 * Host tokens: a short-lived HS256 JWT the host site's backend signs with the
 * secret it shares with the relay, naming its own user in `sub`. Checked with
 * hono/jwt; the time claims against the relay's clock.
 */
import { verify } from 'hono/jwt'
import { RelayError } from '../protocol/errors.js'
import { CLOCK_SKEW_MS } from '../verify/sign-in-fields.js'

const refuse = (message: string) => new RelayError('unauthorized', { message })

/** The host's user id from a valid token, or `unauthorized`. */
export async function verifyHostToken(token: string, secret: string | undefined, now: number): Promise<string> {
  if (!secret) throw refuse('This relay accepts no user tokens.')
  let claims: Record<string, unknown>
  try {
    claims = await verify(token, secret, { alg: 'HS256', exp: false, nbf: false, iat: false })
  } catch {
    throw refuse('The user token is not valid.')
  }
  const { sub, exp, nbf } = claims
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 255) throw refuse('The user token names no user.')
  if (typeof exp !== 'number') throw refuse('The user token has no expiry.')
  if (now >= exp * 1000) throw refuse('The user token has expired.')
  if (typeof nbf === 'number' && now + CLOCK_SKEW_MS < nbf * 1000) throw refuse('The user token is not valid yet.')
  return sub
}
