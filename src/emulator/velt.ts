/**
 * Velt's `POST /v1/organizations/usergroups/users/add` (shared/spec/003): the two
 * auth headers, the documented success body and the `{ error: { message, status } }`
 * failure body.
 */
import { Hono, type Context } from 'hono'
import {
  VELT_ADD_USERS_PATH,
  VELT_API_KEY_HEADER,
  VELT_AUTH_TOKEN_HEADER,
  VeltAddUsersRequest,
  type VeltAddUsersResponse,
} from '../protocol/velt.js'
import type { EmulatorState } from './state.js'

export type VeltEmulatorOptions = { apiKey: string; authToken: string; organizationId: string }

const failure = (c: Context, status: 400 | 401 | 404, code: string, message: string) => c.json({ error: { message, status: code } }, status)

export function veltRoutes(state: EmulatorState, options: VeltEmulatorOptions) {
  const app = new Hono()

  app.post(VELT_ADD_USERS_PATH, async (c) => {
    if (c.req.header(VELT_API_KEY_HEADER) !== options.apiKey || c.req.header(VELT_AUTH_TOKEN_HEADER) !== options.authToken)
      return failure(c, 401, 'UNAUTHENTICATED', 'Invalid API key or auth token.')
    const parsed = VeltAddUsersRequest.safeParse(await c.req.json().catch(() => undefined))
    if (!parsed.success)
      return failure(c, 400, 'INVALID_ARGUMENT', 'data.organizationId, data.organizationUserGroupId and data.userIds are required.')
    const { organizationId, organizationUserGroupId, userIds } = parsed.data.data
    if (organizationId !== options.organizationId) return failure(c, 404, 'NOT_FOUND', 'Organization not found.')

    state.addToVeltGroup(organizationId, organizationUserGroupId, userIds)
    const answer: VeltAddUsersResponse = {
      result: {
        status: 'success',
        message: 'Added organization users to group successfully.',
        data: Object.fromEntries(
          userIds.map((id) => [id, { success: true, organizationUserGroupId, message: 'User added to organization user group.' }]),
        ),
      },
    }
    return c.json(answer)
  })

  return app
}
