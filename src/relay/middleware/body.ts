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

export function sizeLimit(maxBytes = MAX_BODY_BYTES): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new RelayError('payload_too_large', { details: `body over ${maxBytes} bytes` })
    },
  })
}
