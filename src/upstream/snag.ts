/**
 * A small Snag client typed by the shared schemas. Every answer is parsed; every
 * failure becomes a `RelayError` with a stable code, and no upstream body, URL
 * or key ever reaches the relay's caller.
 */
import type { z } from 'zod/mini'
import { RelayError } from '../protocol/errors.js'
import {
  SNAG_API_KEY_HEADER,
  SNAG_MAXIMUM_ACCOUNT_LINKED,
  SNAG_MESSAGES,
  SnagConnectBadRequest,
  SnagConnectResponse,
  SnagDisconnectBadRequest,
  SnagDisconnectResponse,
  SnagMessageBody,
  SnagMetadataResponse,
  SnagUsersResponse,
  type SnagConnectRequest,
  type SnagMetadataRequest,
  type SnagUser,
  type SnagUsersQuery,
} from '../protocol/snag.js'
import { callUpstream, fetchTransport, type FetchLike, type Transport, type UpstreamAnswer } from './http.js'
import { silentLogger, type Logger } from './logger.js'

export type SnagClientOptions = {
  apiUrl: string
  apiKey: string
  websiteId: string
  organizationId: string
  timeoutMs: number
  /** How the client reaches the API: `transport` when given, else `fetch` (the global one by default). */
  transport?: Transport
  fetch?: FetchLike
  logger?: Logger
  /** Users asked for per page when listing them. */
  pageSize?: number
}

export type SnagConnectInput = Omit<SnagConnectRequest, 'websiteId' | 'organizationId'>
export type SnagMetadataInput = Omit<SnagMetadataRequest, 'websiteId' | 'organizationId'>

type Endpoint = 'connect' | 'disconnect' | 'metadatas' | 'users'

/** What the relay filters users by. */
export type UsersFilter = Pick<SnagUsersQuery, 'userGroupId' | 'walletAddress' | 'externalIdentifier'>

export type SnagClient = ReturnType<typeof createSnagClient>

export function createSnagClient(options: SnagClientOptions) {
  const { apiUrl, apiKey, websiteId, organizationId, timeoutMs, logger = silentLogger, pageSize = 100 } = options
  const ids = { websiteId, organizationId }
  const transport = options.transport ?? fetchTransport(options.fetch ?? globalThis.fetch)

  async function call<S extends z.ZodMiniType>(
    endpoint: Endpoint,
    method: 'GET' | 'POST',
    url: URL,
    body: unknown,
    schema: S,
  ): Promise<z.infer<S>> {
    const answer = await callUpstream({
      transport,
      url,
      method,
      body,
      timeoutMs,
      headers: { [SNAG_API_KEY_HEADER]: apiKey },
      service: 'snag',
    })
    if (answer.status >= 200 && answer.status < 300) {
      const parsed = schema.safeParse(answer.body)
      if (parsed.success) return parsed.data
      throw new RelayError('upstream_rejected', { details: `snag ${endpoint}: ${answer.status} answer off schema` })
    }
    throw failure(endpoint, answer, logger)
  }

  const path = (p: string) => new URL(p, apiUrl)

  function listUsers(query: UsersFilter & Pick<SnagUsersQuery, 'limit' | 'startingAfter'>) {
    const url = path('api/users')
    for (const [key, value] of Object.entries({ ...ids, ...query })) if (value !== undefined) url.searchParams.set(key, String(value))
    return call('users', 'GET', url, undefined, SnagUsersResponse)
  }

  return {
    connect(input: SnagConnectInput) {
      return call('connect', 'POST', path('api/users/connect'), { ...ids, ...input }, SnagConnectResponse)
    },
    disconnect(userId: string) {
      return call('disconnect', 'POST', path('api/users/disconnect'), { ...ids, userId }, SnagDisconnectResponse)
    },
    writeMetadata(input: SnagMetadataInput) {
      return call('metadatas', 'POST', path('api/users/metadatas'), { ...ids, ...input }, SnagMetadataResponse)
    },
    listUsers,
    /**
     * Every user matching `query`, page after page (at most `maxPages`). Snag's answer
     * is not taken on trust: a user outside the filter asked for is an answer the
     * relay cannot use, as is a list longer than any account can hold.
     */
    async listAllUsers(query: UsersFilter, matches: (user: SnagUser) => boolean, maxPages = 10): Promise<SnagUser[]> {
      const users: SnagUser[] = []
      let startingAfter: string | undefined
      for (let page = 0; page < maxPages; page++) {
        const answer = await listUsers({ ...query, limit: pageSize, ...(startingAfter ? { startingAfter } : {}) })
        for (const user of answer.data) {
          const inFilter = (query.userGroupId === undefined || user.userGroupId === query.userGroupId) && matches(user)
          if (!inFilter) throw new RelayError('upstream_rejected', { details: 'snag users: a user outside the filter asked for' })
          users.push(user)
        }
        const last = answer.data.at(-1)
        if (!answer.hasNextPage) return users
        if (!last) throw new RelayError('upstream_rejected', { details: 'snag users: an empty page that says more follow' })
        startingAfter = last.id
      }
      throw new RelayError('upstream_rejected', { details: `snag users: more than ${maxPages} pages` })
    },
  }
}

/** What a non-2xx Snag answer means for the relay's caller. */
export function failure(endpoint: Endpoint, answer: UpstreamAnswer, logger: Logger = silentLogger): RelayError {
  const { status, body, retryAfter } = answer
  const details = `snag ${endpoint}: ${status}`
  if (status === 400) return badRequest(endpoint, body, details)
  if (status === 401 || status === 403) {
    logger.error(
      { upstream: 'snag', endpoint, status },
      'Snag refused the relay: check SNAG_API_KEY, SNAG_WEBSITE_ID and SNAG_ORGANIZATION_ID',
    )
    return new RelayError('upstream_unavailable', { details, retryable: false })
  }
  if (status === 404) {
    const knownNotFound = endpoint !== 'connect' && SnagMessageBody.safeParse(body).data?.message === SNAG_MESSAGES.notFound
    if (knownNotFound) return new RelayError('user_not_found', { details })
    logger.error({ upstream: 'snag', endpoint, status }, 'Snag has no such endpoint: check SNAG_API_URL')
    return new RelayError('upstream_unavailable', { details, retryable: false })
  }
  if (status === 429 || status >= 500) return new RelayError('upstream_unavailable', { details, retryAfter, transient: true })
  return new RelayError('upstream_rejected', { details })
}

function badRequest(endpoint: Endpoint, body: unknown, details: string): RelayError {
  if (endpoint === 'connect') {
    const parsed = SnagConnectBadRequest.safeParse(body)
    if (!parsed.success) return new RelayError('upstream_rejected', { details: `${details}, body off schema` })
    if (parsed.data.error === SNAG_MAXIMUM_ACCOUNT_LINKED) return new RelayError('max_wallets_linked', { details })
    switch (parsed.data.message) {
      case SNAG_MESSAGES.userNotFound:
        return new RelayError('user_not_found', { details })
      case SNAG_MESSAGES.sameWallet:
        return new RelayError('already_linked', { details })
      case SNAG_MESSAGES.signatureInvalid:
        return new RelayError('signature_invalid', { details: `${details}, Snag found the signature invalid` })
      case SNAG_MESSAGES.invalidRequest:
        return new RelayError('upstream_rejected', { details: `${details}, Snag found the request not valid` })
    }
  }
  if (endpoint === 'disconnect') {
    const parsed = SnagDisconnectBadRequest.safeParse(body)
    if (!parsed.success) return new RelayError('upstream_rejected', { details: `${details}, body off schema` })
    if (parsed.data.message !== SNAG_MESSAGES.invalidRequest)
      return new RelayError('user_not_found', { message: 'That wallet is not linked to an account.', details })
    return new RelayError('upstream_rejected', { details: `${details}, Snag found the request not valid` })
  }
  const message = SnagMessageBody.safeParse(body).data?.message
  if (message === SNAG_MESSAGES.userNotFound) return new RelayError('user_not_found', { details })
  return new RelayError('upstream_rejected', { details })
}
