/**
 * The account's own routes, all behind a session, each limited per session and
 * per client address: list its wallets, unlink one, write the profile, end this
 * session or every session of the account.
 */
import { Hono, type MiddlewareHandler } from 'hono'
import { ProfileRequest, UnlinkRequest, type ProfileResponse } from '../../protocol/relay.js'
import type { Store } from '../stores/types.js'
import type { RelayEnv } from '../env.js'
import { requireSession } from '../middleware/auth.js'
import { json } from '../middleware/validate.js'
import type { ClientIp, RateLimiter } from '../rate-limit.js'
import { endAccountSessions, listWallets, unlinkWallet, type AccountDeps } from '../usecases/account.js'

export type AccountRouteDeps = AccountDeps & { store: Store; limiter: RateLimiter; clientIp: ClientIp }

/**
 * What the relay wrote to Snag's metadata of each user, every change merged: Snag has no
 * route to read it back, and the form shows what is saved. Kept without expiry.
 */
const PROFILE = 'lw:profile:'
type SavedProfile = ProfileResponse['profile']

export function accountRoutes(deps: AccountRouteDeps) {
  const { accounts, sessions, snag, store, limiter, clientIp } = deps
  const saved = async (userId: string): Promise<SavedProfile> => JSON.parse((await store.get(PROFILE + userId)) ?? '{}') as SavedProfile
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
        return c.json({ profile: await saved(session.record.prover.userId) } satisfies ProfileResponse)
      })
      // Only the fields sent change (null clears one); the others keep what was saved.
      .post('/profile', limited('profile'), json(ProfileRequest), async (c) => {
        const session = requireSession(c)
        const changes = c.req.valid('json')
        const { userId } = session.record.prover
        await accounts.ofSession(session)
        await snag.writeMetadata({ userId, ...changes })
        const profile = { ...(await saved(userId)), ...changes }
        await store.set(PROFILE + userId, JSON.stringify(profile), undefined)
        return c.json({ profile } satisfies ProfileResponse)
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
