/**
 * Host tokens: a short-lived HS256 JWT the host site's backend signs with the
 * secret it shares with the relay, naming its own user in `sub`. The signature is
 * checked with hono/jwt; every claim against the relay's configuration and clock:
 *
 * - `aud` / `iss` must equal HOST_TOKEN_AUDIENCE / HOST_TOKEN_ISSUER when those are
 *   set; without them a token that names any audience or issuer is refused, so a
 *   token minted for another service never passes;
 * - `exp` is required and at most `maxLifetimeSeconds` after `iat` (after now,
 *   without `iat`); an `iat` or `nbf` in the future is refused.
 */
import { sign, verify } from 'hono/jwt'
import { RelayError } from '../protocol/errors.js'
import { CLOCK_SKEW_MS } from '../protocol/time.js'

export type HostTokenSettings = {
  secret: string
  audience?: string | undefined
  issuer?: string | undefined
  /** The longest a token may live, from `iat` (or now) to `exp`. */
  maxLifetimeSeconds: number
}

const refuse = (message: string) => new RelayError('unauthorized', { message })

/** Does the `aud` claim (a string or, per RFC 7519, an array) name `audience`? */
function names(claim: unknown, audience: string): boolean {
  return claim === audience || (Array.isArray(claim) && claim.includes(audience))
}

/** The host's user id from a valid token, or `unauthorized`. */
export async function verifyHostToken(token: string, settings: HostTokenSettings | undefined, now: number): Promise<string> {
  if (!settings) throw refuse('This relay accepts no user tokens.')
  let claims: Record<string, unknown>
  try {
    claims = await verify(token, settings.secret, { alg: 'HS256', exp: false, nbf: false, iat: false })
  } catch {
    throw refuse('The user token is not valid.')
  }
  const { sub, exp, nbf, iat, aud, iss } = claims
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 255) throw refuse('The user token names no user.')

  if (settings.audience === undefined ? aud !== undefined : !names(aud, settings.audience))
    throw refuse('The user token was minted for another audience.')
  if (settings.issuer === undefined ? iss !== undefined : iss !== settings.issuer) throw refuse('The user token comes from another issuer.')

  if (typeof exp !== 'number') throw refuse('The user token has no expiry.')
  if (now >= exp * 1000) throw refuse('The user token has expired.')
  if (iat !== undefined && typeof iat !== 'number') throw refuse('The user token is not valid.')
  if (typeof iat === 'number' && iat * 1000 > now + CLOCK_SKEW_MS) throw refuse('The user token was issued in the future.')
  const from = typeof iat === 'number' ? iat * 1000 : now
  if (exp * 1000 - from > settings.maxLifetimeSeconds * 1000)
    throw refuse(`The user token lives longer than the ${settings.maxLifetimeSeconds} seconds this relay accepts.`)
  if (typeof nbf === 'number' && now + CLOCK_SKEW_MS < nbf * 1000) throw refuse('The user token is not valid yet.')
  return sub
}

export type MintOptions = { ttlSeconds?: number; now?: number; audience?: string | undefined; issuer?: string | undefined }

/**
 * What a host site's backend hands its signed-in user's page as `user-token`: a
 * short-lived HS256 JWT whose `sub` is the host's own user id, signed with the
 * secret it shares with the relay (HOST_TOKEN_SECRET). Pass `audience` / `issuer`
 * when the relay sets HOST_TOKEN_AUDIENCE / HOST_TOKEN_ISSUER. Keep it short-lived:
 * the page holds it.
 */
export async function mintUserToken(
  userId: string,
  secret: string,
  { ttlSeconds = 300, now = Date.now(), audience, issuer }: MintOptions = {},
): Promise<string> {
  const issuedAt = Math.floor(now / 1000)
  const claims = {
    sub: userId,
    iat: issuedAt,
    nbf: issuedAt,
    exp: issuedAt + ttlSeconds,
    ...(audience ? { aud: audience } : {}),
    ...(issuer ? { iss: issuer } : {}),
  }
  return sign(claims, secret, 'HS256')
}
