/**
 * The widget's calls to its relay. Answers are typed by the shared protocol;
 * a failure becomes a `RelayRequestError` carrying the relay's stable code.
 */
import type { ErrorBody, ErrorCode } from '../protocol/errors.js'
import { USER_TOKEN_HEADER } from '../protocol/headers.js'
import type {
  ChallengeRequest,
  ChallengeResponse,
  ConfigResponse,
  LinkRequest,
  LinkResponse,
  ProfileRequest,
  ProfileResponse,
  UnlinkRequest,
  UnlinkResponse,
  WalletsResponse,
} from '../protocol/relay.js'

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

/** Who the widget speaks for: the account's session and the host site's user token, when present. */
export type Credentials = { session?: string | undefined; userToken?: string | undefined }

export function createRelayClient(relay: string, credentials: () => Credentials = () => ({})) {
  const base = relay.replace(/\/+$/, '')

  async function call<T>(
    path: string,
    init: { method?: string; json?: unknown; signal?: AbortSignal | undefined; anonymous?: boolean } = {},
  ): Promise<T | undefined> {
    // An anonymous call sends no credentials: a CORS "simple" request, whose refusal the page can read.
    const { session, userToken } = init.anonymous ? {} : credentials()
    const headers: Record<string, string> = {}
    if (init.json !== undefined) headers['content-type'] = 'application/json'
    if (session) headers.authorization = `Bearer ${session}`
    if (userToken) headers[USER_TOKEN_HEADER] = userToken
    let response: Response
    try {
      response = await fetch(`${base}${path}`, {
        method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
        headers,
        body: init.json === undefined ? undefined : JSON.stringify(init.json),
        signal: init.signal,
        credentials: 'omit',
      })
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error
      throw new RelayRequestError('relay_unreachable', 'The relay could not be reached.')
    }
    if (response.status === 204) return undefined
    const body: unknown = await response.json().catch(() => undefined)
    if (response.ok && body !== undefined) return body as T
    if (isErrorBody(body)) throw new RelayRequestError(body.error.code, body.error.message)
    throw new RelayRequestError('relay_unreachable', `The relay answered ${response.status}.`)
  }
  const must = async <T>(answer: Promise<T | undefined>): Promise<T> => {
    const value = await answer
    if (value === undefined) throw new RelayRequestError('relay_unreachable', 'The relay answered without a body.')
    return value
  }

  return {
    config: (signal?: AbortSignal) => must(call<ConfigResponse>('/v1/config', { signal, anonymous: true })),
    challenge: (request: ChallengeRequest, signal?: AbortSignal) =>
      must(call<ChallengeResponse>('/v1/challenge', { json: request, signal })),
    link: (request: LinkRequest, signal?: AbortSignal) => must(call<LinkResponse>('/v1/link', { json: request, signal })),
    wallets: () => must(call<WalletsResponse>('/v1/wallets')),
    unlink: (request: UnlinkRequest) => must(call<UnlinkResponse>('/v1/unlink', { json: request })),
    profile: (request: ProfileRequest) => must(call<ProfileResponse>('/v1/profile', { json: request })),
    endSession: () => call<never>('/v1/session', { method: 'DELETE' }),
    endAllSessions: () => call<never>('/v1/sessions', { method: 'DELETE' }),
  }
}

export type RelayClient = ReturnType<typeof createRelayClient>
