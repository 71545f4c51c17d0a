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
 * The relay package ships the function (`import { mintUserToken } from 'link-wallet-relay'`);
 * any JWT library does the same in a few lines.
 */
import { mintUserToken } from '../../src/relay/host-token.js'

export { mintUserToken }

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
