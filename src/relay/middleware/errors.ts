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

export const notFound: NotFoundHandler = (c) =>
  sendError(c, new RelayError('invalid_request', { message: `No such route: ${c.req.method} ${c.req.path}` }))
