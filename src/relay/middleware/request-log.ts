/**
 * One log line per request: a request id (the caller's X-Request-Id when it is a
 * sane token, else a fresh one, echoed back), method, path, status, latency and,
 * for a refusal, its code. Never a body, a header value or a query string.
 */
import type { MiddlewareHandler } from 'hono'
import type { Logger } from '../../upstream/logger.js'
import type { RelayEnv } from '../env.js'

const SANE_ID = /^[A-Za-z0-9._-]{8,64}$/

export function requestLog(logger: Logger): MiddlewareHandler<RelayEnv> {
  return async (c, next) => {
    const asked = c.req.header('x-request-id')
    const requestId = asked && SANE_ID.test(asked) ? asked : crypto.randomUUID()
    c.set('requestId', requestId)
    // Before the route answers: a header set after it would copy its answer (see corsFor).
    c.header('X-Request-Id', requestId)
    const started = performance.now()
    await next()
    const entry = {
      reqId: requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(c.get('errorCode') ? { code: c.get('errorCode') } : {}),
    }
    if (c.res.status >= 500) logger.warn(entry, 'request failed')
    else logger.info(entry, 'request')
  }
}
