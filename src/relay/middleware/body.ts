/**
 * Request bodies: JSON only, and no larger than `maxBytes` — counted as the
 * body streams in, so a chunked body without Content-Length is held to it too.
 */
import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { RelayError } from '../../protocol/errors.js'

export const MAX_BODY_BYTES = 16 * 1024

export function jsonOnly(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next()
    const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase()
    if (type !== 'application/json') throw new RelayError('unsupported_media_type', { details: `content-type ${type ?? 'none'}` })
    return next()
  }
}

/**
 * A body that declares its length is judged by it (the runtime's HTTP parser holds
 * the body to it) without touching the body, so Node's adapter can still read it
 * straight from the socket; any other body is counted as it streams in.
 */
export function sizeLimit(maxBytes = MAX_BODY_BYTES): MiddlewareHandler {
  const tooLarge = () => {
    throw new RelayError('payload_too_large', { details: `body over ${maxBytes} bytes` })
  }
  const streamed = bodyLimit({ maxSize: maxBytes, onError: tooLarge })
  return async (c, next) => {
    const length = c.req.header('content-length')
    if (length === undefined || c.req.header('transfer-encoding') !== undefined || !/^\d+$/.test(length)) return streamed(c, next)
    if (Number(length) > maxBytes) tooLarge()
    await next()
  }
}
