/**
 * Velt `POST /v1/organizations/usergroups/users/add`, as published in
 * shared/spec/003. Shared by the emulator and the relay's Velt client.
 */
import { z } from 'zod/mini'

export const VELT_API_KEY_HEADER = 'x-velt-api-key'
export const VELT_AUTH_TOKEN_HEADER = 'x-velt-auth-token'
export const VELT_ADD_USERS_PATH = '/v1/organizations/usergroups/users/add'

export const VeltAddUsersRequest = z.object({
  data: z.object({
    organizationId: z.string().check(z.minLength(1)),
    organizationUserGroupId: z.string().check(z.minLength(1)),
    userIds: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  }),
})
export type VeltAddUsersRequest = z.infer<typeof VeltAddUsersRequest>

export const VeltUserResult = z.object({
  success: z.boolean(),
  organizationUserGroupId: z.optional(z.string()),
  message: z.string(),
})
export type VeltUserResult = z.infer<typeof VeltUserResult>

export const VeltAddUsersResponse = z.object({
  result: z.object({
    status: z.literal('success'),
    message: z.string(),
    data: z.record(z.string(), VeltUserResult),
  }),
})
export type VeltAddUsersResponse = z.infer<typeof VeltAddUsersResponse>

/** Velt's failure body; `status` is a Google RPC code such as INVALID_ARGUMENT. */
export const VeltErrorResponse = z.object({
  error: z.object({ message: z.string(), status: z.string() }),
})
export type VeltErrorResponse = z.infer<typeof VeltErrorResponse>
