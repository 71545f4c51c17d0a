/**
 * One upstream HTTP call with a deadline. Transport failures become relay error
 * codes here; what an answer means is for each client to say.
 */
import { RelayError } from '../protocol/errors.js'

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>

/** A fetch that reaches an app in this process, honouring abort signals as a real fetch does. */
export function fetchInto(app: { fetch(request: Request): Response | Promise<Response> }): FetchLike {
  return (input, init) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init?.signal ?? undefined
      if (signal?.aborted) return reject(signal.reason)
      const abort = () => reject(signal?.reason)
      signal?.addEventListener('abort', abort, { once: true })
      Promise.resolve(app.fetch(new Request(input, init)))
        .then(resolve, reject)
        .finally(() => signal?.removeEventListener('abort', abort))
    })
}

export type UpstreamAnswer = {
  status: number
  /** The parsed JSON body, or `undefined` when the body was empty or not JSON. */
  body: unknown
  retryAfter: number | undefined
}

export type UpstreamRequest = {
  fetch: FetchLike
  url: URL
  method: 'GET' | 'POST'
  headers: Record<string, string>
  body?: unknown
  timeoutMs: number
  /** Names the service in error details; never a URL or key. */
  service: string
}

export async function callUpstream(request: UpstreamRequest): Promise<UpstreamAnswer> {
  const { fetch, url, method, headers, body, timeoutMs, service } = request
  let response: Response
  try {
    response = await fetch(url, {
      method,
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      // Not 'error': Workers do not support it. A redirect is refused below, on every runtime.
      redirect: 'manual',
    })
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'TimeoutError')
      throw new RelayError('upstream_timeout', {
        details: `${service} ${method} ${url.pathname}: no answer in ${timeoutMs} ms`,
        transient: true,
      })
    throw new RelayError('upstream_unavailable', { details: `${service} ${method} ${url.pathname}: ${errorName(cause)}`, transient: true })
  }
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    await response.body?.cancel().catch(() => {})
    throw new RelayError('upstream_unavailable', {
      details: `${service} ${method} ${url.pathname}: answered with a redirect (${response.status}), which the relay does not follow`,
      transient: true,
    })
  }
  let text: string
  try {
    text = await response.text()
  } catch (cause) {
    const timedOut = cause instanceof DOMException && cause.name === 'TimeoutError'
    throw new RelayError(timedOut ? 'upstream_timeout' : 'upstream_unavailable', {
      details: `${service} ${method} ${url.pathname}: body not read (${errorName(cause)})`,
      transient: true,
    })
  }
  return { status: response.status, body: parseJson(text), retryAfter: retryAfterSeconds(response.headers.get('retry-after')) }
}

function parseJson(text: string): unknown {
  if (!text) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/** What went wrong, for the log: the error's name and message and its cause's (code or message), URLs cut to their origin. */
function errorName(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error'
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined
  const why = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : undefined
  return originsOnly(`${error.name}: ${error.message}${why ? ` (${why})` : ''}`)
}

/** Any URL in `text` reduced to its origin: paths and queries may carry keys. */
const originsOnly = (text: string) => text.replace(/\b(https?:\/\/[^/\s?#]+)[^\s]*/g, '$1')

/** `Retry-After` as seconds, from either of its two forms. */
export function retryAfterSeconds(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined
  if (/^\d+$/.test(value)) return Number(value)
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000))
}
