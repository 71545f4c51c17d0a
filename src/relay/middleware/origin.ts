/**
 * CORS for an exact allowlist of origins (no credentials), and a guard that
 * refuses a request from any other origin before the relay does any work.
 * Requests that change state must name their origin: it is what proofs bind to.
 *
 * The refusal itself is readable by the refused page (its origin in
 * Access-Control-Allow-Origin on that error alone, never credentials, never a
 * preflight), so the widget can tell the site's developer that this relay does
 * not allow their site, instead of "could not be reached".
 */
import type { MiddlewareHandler } from 'hono'
import { cors } from 'hono/cors'
import { RelayError } from '../../protocol/errors.js'
import { USER_TOKEN_HEADER } from '../../protocol/relay.js'
import type { RelayEnv } from '../env.js'

/**
 * Preflights are answered by Hono's CORS middleware. Other requests get their
 * headers through `c.header` before the route runs: Hono copies a response whose
 * headers are touched before it exists (`c.res`) or after it does (`c.header`),
 * and on Node that copy is a streamed one.
 */
export function corsFor(allowedOrigins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowedOrigins)
  const preflight = cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'DELETE'],
    allowHeaders: ['content-type', 'authorization', USER_TOKEN_HEADER],
    maxAge: 600,
    credentials: false,
  })
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next)
    const origin = c.req.header('origin')
    if (origin !== undefined && allowed.has(origin)) c.header('Access-Control-Allow-Origin', origin)
    c.header('Vary', 'Origin', { append: true })
    await next()
  }
}

export function originGuard(allowedOrigins: readonly string[]): MiddlewareHandler<RelayEnv> {
  const allowed = new Set(allowedOrigins)
  return async (c, next) => {
    const origin = c.req.header('origin')
    if (origin === undefined && (c.req.method === 'GET' || c.req.method === 'HEAD')) return next()
    if (origin === undefined || !allowed.has(origin)) {
      if (origin !== undefined && c.req.method !== 'OPTIONS') {
        c.header('Access-Control-Allow-Origin', origin)
        c.header('Vary', 'Origin')
      }
      throw new RelayError('origin_not_allowed', { details: `origin ${JSON.stringify(origin ?? null)}` })
    }
    c.set('origin', origin)
    return next()
  }
}
