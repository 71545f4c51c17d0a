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
      redirect: 'error',
    })
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'TimeoutError')
      throw new RelayError('upstream_timeout', {
        details: `${service} ${method} ${url.pathname}: no answer in ${timeoutMs} ms`,
        transient: true,
      })
    throw new RelayError('upstream_unavailable', { details: `${service} ${method} ${url.pathname}: ${errorName(cause)}`, transient: true })
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

function errorName(error: unknown): string {
  if (error instanceof Error) {
    const code = (error.cause as { code?: unknown } | undefined)?.code
    return typeof code === 'string' ? code : error.name
  }
  return 'unknown error'
}

/** `Retry-After` as seconds, from either of its two forms. */
export function retryAfterSeconds(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined
  if (/^\d+$/.test(value)) return Number(value)
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000))
}
