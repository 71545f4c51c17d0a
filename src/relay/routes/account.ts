/**
 * The account's own routes, all behind a session: list its wallets, unlink one,
 * write the profile, end the session.
 */
import { Hono } from 'hono'
import { RelayError } from '../../protocol/errors.js'
import { ProfileRequest, UnlinkRequest, type ProfileResponse, type UnlinkResponse, type WalletsResponse } from '../../protocol/relay.js'
import type { SnagClient } from '../../upstream/snag.js'
import { accountMembers, reanchor, toLinkedWallet, toLinkedWallets } from '../account.js'
import type { RelayEnv } from '../env.js'
import { requireSession } from '../middleware/auth.js'
import { json } from '../middleware/validate.js'
import type { Sessions } from '../sessions.js'

export function accountRoutes({ snag, sessions }: { snag: SnagClient; sessions: Sessions }) {
  return new Hono<RelayEnv>()
    .get('/wallets', async (c) => {
      const session = requireSession(c)
      const record = structuredClone(session.record)
      const members = await accountMembers(snag, record)
      if (record.groupId !== session.record.groupId) await sessions.save({ ...session, record })
      return c.json({ wallets: toLinkedWallets(members) } satisfies WalletsResponse)
    })
    .post('/unlink', json(UnlinkRequest), async (c) => {
      const session = requireSession(c)
      const { userId } = c.req.valid('json')
      const record = structuredClone(session.record)
      const members = await accountMembers(snag, record)
      const leaving = members.find((user) => user.id === userId)
      if (!leaving) throw new RelayError('forbidden', { message: 'That wallet is not linked to this account.' })
      if (members.length < 2)
        throw new RelayError('forbidden', {
          message: 'This is the account’s last wallet: link another wallet before unlinking this one, or the account would be left empty.',
        })
      await snag.disconnect(userId)
      const remaining = members.filter((user) => user.id !== userId)
      reanchor(record, remaining)
      await sessions.save({ ...session, record })
      const body: UnlinkResponse = { unlinked: toLinkedWallet(leaving)!, wallets: toLinkedWallets(remaining) }
      return c.json(body)
    })
    .post('/profile', json(ProfileRequest), async (c) => {
      const session = requireSession(c)
      const profile = c.req.valid('json')
      await snag.writeMetadata({ userId: session.record.anchor.userId, ...profile })
      return c.json({ profile } satisfies ProfileResponse)
    })
    .delete('/session', async (c) => {
      await sessions.revoke(requireSession(c).token)
      return c.body(null, 204)
    })
}
