/**
 * The widget's calls to its relay. Every answer is checked against the shared
 * protocol's schemas (loaded with the first call); a failure becomes a
 * `RelayRequestError` carrying the relay's stable code and whether sending the
 * same request again later can help (the relay says so).
 */
import type { ErrorCode } from '../protocol/errors.js'
import { USER_TOKEN_HEADER } from '../protocol/headers.js'
import type { ChallengeRequest, LinkRequest, ProfileRequest, UnlinkRequest } from '../protocol/relay.js'
import type { Reply, ReplyOf } from './replies.js'

/** Codes the widget itself can meet, beside the relay's. */
export type WidgetErrorCode =
  | ErrorCode
  | 'relay_unreachable'
  | 'relay_incompatible'
  | 'user_rejected'
  | 'wallet_error'
  | 'wallet_timeout'
  | 'wallet_wrong_network'
  | 'no_wallets'
  | 'relay_not_configured'
  | 'user_token_refused'

/** A code an error may carry: the widget's own or the relay's, including codes from a relay newer than this widget. */
export type AnyErrorCode = WidgetErrorCode | (string & {})

export class RelayRequestError extends Error {
  override name = 'RelayRequestError'
  constructor(
    /** A relay code (possibly one newer than this widget) or one of the widget's own. */
    readonly code: AnyErrorCode,
    message: string,
    /** The relay said the same request may pass if sent again later. */
    readonly retryable = false,
  ) {
    super(message)
  }
}

const replies = () => import('./replies.js')

let toldDeveloper = false
function notConfigured(): RelayRequestError {
  const message = '<link-wallet> has no relay: set its relay attribute to your relay’s URL (https://relay.example.com).'
  if (!toldDeveloper) console.error(message)
  toldDeveloper = true
  return new RelayRequestError('relay_not_configured', message)
}

/** Who the widget speaks for: the account's session and the host site's user token, when present. */
export type Credentials = { session?: string | undefined; userToken?: string | undefined }

export function createRelayClient(relay: string, credentials: () => Credentials = () => ({})) {
  const base = relay.replace(/\/+$/, '')

  async function call<K extends Reply>(
    kind: K | undefined,
    path: string,
    init: { method?: string; json?: unknown; signal?: AbortSignal | undefined; anonymous?: boolean } = {},
  ): Promise<ReplyOf<K> | undefined> {
    // Without a relay, a fetch would go to the page's own server: tell the developer instead.
    if (!base) throw notConfigured()
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
    const body: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined)
    const { parseReply, parseError } = await replies()
    if (response.ok) {
      if (kind === undefined) return undefined
      const reply = parseReply(kind, body)
      if (reply === undefined)
        throw new RelayRequestError('relay_incompatible', `The relay's answer to ${path} is not one this widget understands.`)
      return reply
    }
    const error = parseError(body)?.error
    // Refused with no session sent, only the host's user token: it is that token, not a session, that failed.
    if (error?.code === 'unauthorized' && userToken && !session) throw new RelayRequestError('user_token_refused', error.message)
    if (error) throw new RelayRequestError(error.code, error.message, error.retryable ?? false)
    throw new RelayRequestError('relay_unreachable', `The relay answered ${response.status}.`, response.status >= 500)
  }
  const must = async <T>(answer: Promise<T | undefined>): Promise<T> => {
    const value = await answer
    if (value === undefined) throw new RelayRequestError('relay_incompatible', 'The relay answered without a body.')
    return value
  }

  return {
    config: (signal?: AbortSignal) => must(call('config', '/v1/config', { signal, anonymous: true })),
    challenge: (request: ChallengeRequest, signal?: AbortSignal) => must(call('challenge', '/v1/challenge', { json: request, signal })),
    link: (request: LinkRequest, signal?: AbortSignal) => must(call('link', '/v1/link', { json: request, signal })),
    wallets: () => must(call('wallets', '/v1/wallets')),
    unlink: (request: UnlinkRequest) => must(call('unlink', '/v1/unlink', { json: request })),
    profile: (request: ProfileRequest) => must(call('profile', '/v1/profile', { json: request })),
    savedProfile: () => must(call('profile', '/v1/profile')),
    endSession: () => call(undefined, '/v1/session', { method: 'DELETE' }),
    endAllSessions: () => call(undefined, '/v1/sessions', { method: 'DELETE' }),
  }
}

export type RelayClient = ReturnType<typeof createRelayClient>
