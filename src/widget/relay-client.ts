/**
 * The widget's calls to its relay. Answers are typed by the shared protocol;
 * a failure becomes a `RelayRequestError` carrying the relay's stable code.
 */
import type { ErrorBody, ErrorCode } from '../protocol/errors.js'
import type { ChallengeRequest, ChallengeResponse, ConfigResponse, LinkRequest, LinkResponse } from '../protocol/relay.js'

/** Codes the widget itself can meet, beside the relay's. */
export type WidgetErrorCode = ErrorCode | 'relay_unreachable' | 'user_rejected' | 'wallet_error' | 'wallet_timeout' | 'no_wallets'

export class RelayRequestError extends Error {
  override name = 'RelayRequestError'
  constructor(
    readonly code: WidgetErrorCode,
    message: string,
  ) {
    super(message)
  }
}

function isErrorBody(body: unknown): body is ErrorBody {
  const error = (body as ErrorBody | undefined)?.error
  return typeof error?.code === 'string' && typeof error.message === 'string'
}

export function createRelayClient(relay: string) {
  const base = relay.replace(/\/+$/, '')

  async function call<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
    const { json, ...rest } = init
    let response: Response
    try {
      response = await fetch(`${base}${path}`, {
        ...rest,
        credentials: 'omit',
        ...(json === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) }),
      })
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error
      throw new RelayRequestError('relay_unreachable', 'The relay could not be reached.')
    }
    const body: unknown = await response.json().catch(() => undefined)
    if (response.ok && body !== undefined) return body as T
    if (isErrorBody(body)) throw new RelayRequestError(body.error.code, body.error.message)
    throw new RelayRequestError('relay_unreachable', `The relay answered ${response.status}.`)
  }

  return {
    config: (signal?: AbortSignal) => call<ConfigResponse>('/v1/config', { signal }),
    challenge: (request: ChallengeRequest, signal?: AbortSignal) => call<ChallengeResponse>('/v1/challenge', { json: request, signal }),
    link: (request: LinkRequest, signal?: AbortSignal) => call<LinkResponse>('/v1/link', { json: request, signal }),
  }
}

export type RelayClient = ReturnType<typeof createRelayClient>
