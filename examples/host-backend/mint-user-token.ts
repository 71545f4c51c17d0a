/**
 * How a host site's backend mints the `user-token` for <link-wallet>: a short-lived
 * HS256 JWT whose `sub` is the host's own user id, signed with the secret it shares
 * with the relay (the relay's HOST_TOKEN_SECRET). Serve it to the signed-in user's
 * page and set it on the element: <link-wallet user-token="…">.
 *
 *   HOST_TOKEN_SECRET=… npx tsx examples/host-backend/mint-user-token.ts user-42
 *
 * When the relay sets HOST_TOKEN_AUDIENCE / HOST_TOKEN_ISSUER, put the same values
 * in `aud` / `iss` (the relay refuses both claims when it sets neither). The relay
 * accepts tokens that live at most HOST_TOKEN_MAX_LIFETIME_SECONDS (15 minutes).
 *
 * Any JWT library does the same; this one uses hono/jwt, already a dependency.
 */
import { sign } from 'hono/jwt'

export type MintOptions = { ttlSeconds?: number; now?: number; audience?: string | undefined; issuer?: string | undefined }

/** A token for `userId`, valid for `ttlSeconds` (keep it short: the page holds it). */
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

if (import.meta.url === `file://${process.argv[1]}`) {
  const [userId] = process.argv.slice(2)
  const secret = process.env.HOST_TOKEN_SECRET
  if (!userId || !secret || secret.length < 32) {
    process.stderr.write('Usage: HOST_TOKEN_SECRET=<at least 32 characters> mint-user-token.ts <your user id>\n')
    process.exit(2)
  }
  const token = await mintUserToken(userId, secret, { audience: process.env.HOST_TOKEN_AUDIENCE, issuer: process.env.HOST_TOKEN_ISSUER })
  process.stdout.write(`${token}\n`)
}
