/**
 * Who is asking: a session (`Authorization: Bearer …`) and/or the host site's
 * user (`X-User-Token`). Either, when present, must be valid: a wrong one is
 * refused, never ignored.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { RelayError } from '../../protocol/errors.js'
import { USER_TOKEN_HEADER } from '../../protocol/relay.js'
import type { RelayEnv } from '../env.js'
import { verifyHostToken, type HostTokenSettings } from '../host-token.js'
import type { Session, Sessions } from '../sessions.js'

export function authenticate(sessions: Sessions, hostToken: HostTokenSettings | undefined, now: () => number): MiddlewareHandler<RelayEnv> {
  return async (c, next) => {
    const authorization = c.req.header('authorization')
    if (authorization !== undefined) {
      const token = /^Bearer (\S+)$/.exec(authorization)?.[1]
      const session = token ? await sessions.find(token) : undefined
      if (!token || !session)
        throw new RelayError('unauthorized', { message: 'The session is unknown or has expired. Link a wallet again.' })
      c.set('session', { token, session })
    }
    const userToken = c.req.header(USER_TOKEN_HEADER)
    if (userToken !== undefined) c.set('hostUserId', await verifyHostToken(userToken, hostToken, now()))
    const session = c.get('session')?.session
    const hostUserId = c.get('hostUserId')
    if (session?.record.hostUserId && hostUserId && session.record.hostUserId !== hostUserId)
      throw new RelayError('forbidden', { message: 'The session belongs to another user of this site.' })
    return next()
  }
}

export function requireSession(c: Context<RelayEnv>): Session {
  const session = c.get('session')?.session
  if (!session) throw new RelayError('unauthorized', { message: 'This needs a session: link a wallet first.' })
  return session
}
