import type { Session } from './sessions.js'

/** What relay middleware hands to routes through the Hono context. */
export type RelayEnv = {
  Variables: {
    /** The request's `Origin`, present and allowed (set by the origin guard). */
    origin: string
    /** The caller's session, when it sent a valid one, and its token. */
    session: { token: string; session: Session } | undefined
    /** The host site's user id, when the caller sent a valid host token. */
    hostUserId: string | undefined
    /** This request's id, in every log line it causes. */
    requestId: string
    /** The code the request was refused with, for the request log. */
    errorCode: string | undefined
    /** The wallet type a link linked, for the metrics. */
    linked: string | undefined
  }
}
