/**
 * The relay's one error path: every failure leaves as `{ error: { code, message } }`
 * with the code's fixed status. Upstream bodies, URLs and keys never reach it;
 * details go to the log only.
 */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { RelayError } from '../../protocol/errors.js'
import type { Logger } from '../../upstream/logger.js'
import type { RelayEnv } from '../env.js'

export function toRelayError(error: unknown): RelayError {
  if (error instanceof RelayError) return error
  if (error instanceof HTTPException) {
    if (error.status === 413) return new RelayError('payload_too_large')
    if (error.status === 400) return new RelayError('invalid_request', { message: 'The request body is not valid JSON.' })
  }
  return new RelayError('internal', { cause: error })
}

export function sendError(c: Context, error: RelayError): Response {
  if (error.retryAfter !== undefined) c.header('Retry-After', String(error.retryAfter))
  return c.json(error.toBody(), error.status as ContentfulStatusCode)
}

export function errorHandler(logger: Logger): ErrorHandler<RelayEnv> {
  return (thrown, c) => {
    const error = toRelayError(thrown)
    c.set('errorCode', error.code)
    const entry = {
      reqId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      code: error.code,
      status: error.status,
      details: error.details,
    }
    if (error.code === 'internal') logger.error({ ...entry, err: thrown }, 'relay error')
    else if (error.status >= 500) logger.warn(entry, 'upstream failure')
    else logger.debug(entry, 'request refused')
    return sendError(c, error)
  }
}

type Route = { method: string; path: string }

/** A route's path as a pattern: `:param` is one segment, `*` anything. */
const pattern = (path: string) =>
  new RegExp(
    `^${path
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\/:[^/]+/g, '/[^/]+')
      .replace(/\*/g, '.*')}/?$`,
  )

/**
 * 404 for a path no route has; 405 with `Allow` for a path that routes answer
 * under other methods (OPTIONS and HEAD follow GET's and CORS's rules).
 */
export function notFound(routes: () => readonly Route[]): NotFoundHandler {
  let known: { methods: Set<string>; test: RegExp }[] | undefined
  return (c) => {
    known ??= Object.values(
      routes()
        .filter((route) => route.method !== 'ALL')
        .reduce<Record<string, { methods: Set<string>; test: RegExp }>>((byPath, { method, path }) => {
          byPath[path] ??= { methods: new Set(), test: pattern(path) }
          byPath[path].methods.add(method)
          return byPath
        }, {}),
    )
    const allowed = new Set(known.filter(({ test }) => test.test(c.req.path)).flatMap(({ methods }) => [...methods]))
    if (!allowed.size) return sendError(c, new RelayError('not_found', { message: `No such route: ${c.req.path}` }))
    c.header('Allow', [...allowed].sort().join(', '))
    return sendError(c, new RelayError('method_not_allowed', { message: `${c.req.path} answers ${[...allowed].sort().join(', ')}.` }))
  }
}
