/**
 * A small Velt client: add users to an organization user group (shared/spec/003).
 * Typed by the shared schemas; failures become `RelayError`s, transient ones marked.
 */
import { RelayError } from '../protocol/errors.js'
import { VELT_ADD_USERS_PATH, VELT_API_KEY_HEADER, VELT_AUTH_TOKEN_HEADER, VeltAddUsersResponse } from '../protocol/velt.js'
import { callUpstream, fetchTransport, type FetchLike, type Transport } from './http.js'
import { silentLogger, type Logger } from './logger.js'

export type VeltClientOptions = {
  apiUrl: string
  apiKey: string
  authToken: string
  organizationId: string
  userGroupId: string
  timeoutMs: number
  /** How the client reaches the API: `transport` when given, else `fetch` (the global one by default). */
  transport?: Transport
  fetch?: FetchLike
  logger?: Logger
}

export type VeltClient = ReturnType<typeof createVeltClient>

export function createVeltClient(options: VeltClientOptions) {
  const { apiUrl, apiKey, authToken, organizationId, userGroupId, timeoutMs, logger = silentLogger } = options
  const transport = options.transport ?? fetchTransport(options.fetch ?? globalThis.fetch)
  return {
    /** Adds `userIds` to the configured group; resolves once Velt confirms each. */
    async addToGroup(userIds: string[]): Promise<void> {
      const answer = await callUpstream({
        transport,
        url: new URL(VELT_ADD_USERS_PATH.slice(1), apiUrl),
        method: 'POST',
        headers: { [VELT_API_KEY_HEADER]: apiKey, [VELT_AUTH_TOKEN_HEADER]: authToken },
        body: { data: { organizationId, organizationUserGroupId: userGroupId, userIds } },
        timeoutMs,
        service: 'velt',
      })
      const details = `velt add users: ${answer.status}`
      if (answer.status === 401 || answer.status === 403) {
        logger.error({ upstream: 'velt', status: answer.status }, 'Velt refused the relay: check VELT_API_KEY and VELT_AUTH_TOKEN')
        throw new RelayError('upstream_unavailable', { details })
      }
      if (answer.status === 429 || answer.status >= 500)
        throw new RelayError('upstream_unavailable', { details, retryAfter: answer.retryAfter, transient: true })
      const parsed = VeltAddUsersResponse.safeParse(answer.body)
      if (answer.status !== 200 || !parsed.success) throw new RelayError('upstream_rejected', { details })
      if (userIds.some((id) => parsed.data.result.data[id]?.success !== true))
        throw new RelayError('upstream_rejected', { details: `${details}, not every user was added` })
    },
  }
}
