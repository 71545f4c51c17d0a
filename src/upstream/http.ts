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

/** One HTTP exchange as the upstream clients need it: the request out, status, `Retry-After` and body text back. */
export type TransportCall = {
  url: URL
  method: 'GET' | 'POST'
  headers: Record<string, string>
  body: string | undefined
  timeoutMs: number
}
export type TransportAnswer = { status: number; retryAfter: string | null; text: string }

/**
 * How the upstream clients reach their APIs. `fetchTransport` on every runtime; on
 * Node, `nodeTransport` (upstream/node-transport.ts) skips fetch's per-call
 * machinery. A transport does not follow redirects, and fails with `TransportError`.
 */
export type Transport = (call: TransportCall) => Promise<TransportAnswer>

/** The call did not complete: no answer in time (`timedOut`), or the connection failed. */
export class TransportError extends Error {
  override name = 'TransportError'
  constructor(
    message: string,
    readonly timedOut: boolean,
    options?: ErrorOptions,
  ) {
    super(message, options)
  }
}

/** A transport over `fetch` (the runtime's, or one into an app in this process). */
export function fetchTransport(fetch: FetchLike): Transport {
  return async ({ url, method, headers, body, timeoutMs }) => {
    const signal = AbortSignal.timeout(timeoutMs)
    const failed = (cause: unknown, what: string) => {
      const timedOut = cause instanceof DOMException && cause.name === 'TimeoutError'
      return new TransportError(timedOut ? `no answer in ${timeoutMs} ms` : what + errorName(cause), timedOut, { cause })
    }
    let response: Response
    try {
      // Not redirect 'error': Workers do not support it. A redirect is refused by the caller, on every runtime.
      response = await fetch(url, { method, headers, body, signal, redirect: 'manual' })
    } catch (cause) {
      throw failed(cause, '')
    }
    if (response.type === 'opaqueredirect') {
      await response.body?.cancel().catch(() => {})
      return { status: 302, retryAfter: null, text: '' }
    }
    try {
      return { status: response.status, retryAfter: response.headers.get('retry-after'), text: await response.text() }
    } catch (cause) {
      throw failed(cause, 'body not read: ')
    }
  }
}

export type UpstreamRequest = {
  transport: Transport
  url: URL
  method: 'GET' | 'POST'
  headers: Record<string, string>
  body?: unknown
  timeoutMs: number
  /** Names the service in error details; never a URL or key. */
  service: string
}

export async function callUpstream(request: UpstreamRequest): Promise<UpstreamAnswer> {
  const { transport, url, method, headers, body, timeoutMs, service } = request
  let answer: TransportAnswer
  try {
    answer = await transport({
      url,
      method,
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      timeoutMs,
    })
  } catch (cause) {
    const timedOut = cause instanceof TransportError && cause.timedOut
    throw new RelayError(timedOut ? 'upstream_timeout' : 'upstream_unavailable', {
      details: `${service} ${method} ${url.pathname}: ${cause instanceof TransportError ? cause.message : errorName(cause)}`,
      transient: true,
    })
  }
  if (answer.status >= 300 && answer.status < 400)
    throw new RelayError('upstream_unavailable', {
      details: `${service} ${method} ${url.pathname}: answered with a redirect (${answer.status}), which the relay does not follow`,
      transient: true,
    })
  return { status: answer.status, body: parseJson(answer.text), retryAfter: retryAfterSeconds(answer.retryAfter) }
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
export function errorName(error: unknown): string {
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
