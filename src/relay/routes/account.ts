/**
 * The account's own routes, all behind a session, each limited per session and
 * per client address: list its wallets, unlink one, write the profile, end this
 * session or every session of the account.
 */
import { Hono, type MiddlewareHandler } from 'hono'
import { ProfileRequest, UnlinkRequest, type ProfileResponse } from '../../protocol/relay.js'
import type { Profiles } from '../profiles.js'
import type { RelayEnv } from '../env.js'
import { requireSession } from '../middleware/auth.js'
import { json } from '../middleware/validate.js'
import type { ClientIp, RateLimiter } from '../rate-limit.js'
import { endAccountSessions, listWallets, unlinkWallet, type AccountDeps } from '../usecases/account.js'

export type AccountRouteDeps = AccountDeps & { profiles: Profiles; limiter: RateLimiter; clientIp: ClientIp }

export function accountRoutes(deps: AccountRouteDeps) {
  const { accounts, sessions, profiles, limiter, clientIp } = deps
  /** Counts the request against its client address (per route) and its session (all routes together). */
  const limited =
    (scope: string): MiddlewareHandler<RelayEnv> =>
    async (c, next) => {
      await limiter.ip(scope, clientIp(c))
      await limiter.session(requireSession(c).id)
      await next()
    }

  return (
    new Hono<RelayEnv>()
      .get('/wallets', limited('wallets'), async (c) => c.json(await listWallets(deps, requireSession(c))))
      .post('/unlink', limited('unlink'), json(UnlinkRequest), async (c) =>
        c.json(await unlinkWallet(deps, requireSession(c), c.req.valid('json').userId)),
      )
      .get('/profile', limited('profile'), async (c) => {
        const session = requireSession(c)
        await accounts.ofSession(session)
        return c.json({ profile: await profiles.read(session.record.prover.userId) } satisfies ProfileResponse)
      })
      // Only the fields sent change (null clears one); the others keep what was saved.
      .post('/profile', limited('profile'), json(ProfileRequest), async (c) => {
        const session = requireSession(c)
        await accounts.ofSession(session)
        return c.json({ profile: await profiles.save(session.record.prover.userId, c.req.valid('json')) } satisfies ProfileResponse)
      })
      .delete('/session', limited('session'), async (c) => {
        await sessions.end(requireSession(c))
        return c.body(null, 204)
      })
      .delete('/sessions', limited('session'), async (c) => {
        await endAccountSessions(deps, requireSession(c))
        return c.body(null, 204)
      })
  )
}
