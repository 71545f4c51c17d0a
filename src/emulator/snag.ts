/**
 * Snag's user endpoints as the vendor documents them (shared/spec/000–002):
 * same paths, the X-API-KEY header, the same status codes and message strings.
 */
import { Hono, type Context } from 'hono'
import type { z } from 'zod/mini'
import {
  SNAG_API_KEY_HEADER,
  SNAG_MAXIMUM_ACCOUNT_LINKED,
  SNAG_MESSAGES,
  SnagConnectRequest,
  SnagDisconnectRequest,
  SnagMetadataRequest,
  SnagUsersQuery,
  type SnagConnectResponse,
  type SnagMetadataResponse,
  type SnagUsersResponse,
} from '../protocol/snag.js'
import { chainOfSnagWallet, type AnyServerChain } from '../chains/server-face.js'
import type { CryptoPort } from '../crypto/port.js'
import type { EmulatedUser, EmulatorState } from './state.js'

export type SnagEmulatorOptions = {
  apiKey: string
  websiteId: string
  organizationId: string
  /** Wallets one user group may hold; connecting one more answers MAXIMUM_ACCOUNT_LINKED. */
  maxWalletsPerGroup: number
  verifySignatures?: boolean
  crypto: CryptoPort
  chains: readonly AnyServerChain[]
}

const notValid = (c: Context) => c.json({ message: SNAG_MESSAGES.invalidRequest }, 400)
const badRequest = (c: Context, message: string) => c.json({ message }, 400)

/** The JSON body parsed by `schema`, or `undefined` when it is not JSON or off schema. */
async function body<S extends z.ZodMiniType>(c: Context, schema: S): Promise<z.infer<S> | undefined> {
  const json: unknown = await c.req.json().catch(() => undefined)
  const parsed = schema.safeParse(json)
  return parsed.success ? parsed.data : undefined
}

function connectAnswer(user: EmulatedUser): SnagConnectResponse {
  return { id: user.id, walletAddress: user.walletAddress, createdAt: user.createdAt, updatedAt: user.updatedAt }
}

export function snagRoutes(state: EmulatorState, options: SnagEmulatorOptions) {
  const app = new Hono()
  const ownIds = (ids: { websiteId?: string | undefined; organizationId?: string | undefined }) =>
    (ids.websiteId === undefined || ids.websiteId === options.websiteId) &&
    (ids.organizationId === undefined || ids.organizationId === options.organizationId)
  const forbidden = (c: Context) => c.json({ message: SNAG_MESSAGES.forbidden }, 403)

  app.use('/api/*', async (c, next) => {
    if (c.req.header(SNAG_API_KEY_HEADER) !== options.apiKey) return forbidden(c)
    await next()
  })

  app.post('/api/users/connect', async (c) => {
    const request = await body(c, SnagConnectRequest)
    if (!request) return notValid(c)
    if (!ownIds(request)) return forbidden(c)
    const { walletType, walletAddress, verificationData, userId, confirmDisconnect } = request

    if (options.verifySignatures !== false && !verificationData?.verifiedLocally) {
      const chain = chainOfSnagWallet(options.chains, walletType, walletAddress)
      const valid = chain && verificationData && (await chain.snagCheck(walletAddress, verificationData, options.crypto))
      if (!valid) return badRequest(c, SNAG_MESSAGES.signatureInvalid)
    }

    if (userId === undefined) return c.json(connectAnswer(state.userForWallet(walletType, walletAddress)))

    const target = state.users.get(userId)
    if (!target) return badRequest(c, SNAG_MESSAGES.userNotFound)
    const existing = state.userByWallet(walletType, walletAddress)
    const inTargetGroup =
      existing && (existing.id === target.id || (existing.userGroupId !== null && existing.userGroupId === target.userGroupId))
    const inOtherGroup = existing?.userGroupId != null && state.members(existing.userGroupId).length > 1
    if (inTargetGroup || (inOtherGroup && !confirmDisconnect)) return badRequest(c, SNAG_MESSAGES.sameWallet)

    const groupSize = target.userGroupId === null ? 1 : state.members(target.userGroupId).length
    if (groupSize + 1 > options.maxWalletsPerGroup)
      return c.json({ message: SNAG_MESSAGES.invalidRequest, error: SNAG_MAXIMUM_ACCOUNT_LINKED }, 400)

    const group = state.groupOf(target)
    const user = existing ?? state.userForWallet(walletType, walletAddress)
    state.setGroup(user, group.id)
    return c.json(connectAnswer(user))
  })

  app.post('/api/users/disconnect', async (c) => {
    const request = await body(c, SnagDisconnectRequest)
    if (!request) return notValid(c)
    if (!ownIds(request)) return forbidden(c)
    const user = state.users.get(request.userId)
    if (!user) return c.json({ message: SNAG_MESSAGES.notFound }, 404)
    if (user.userGroupId === null) return badRequest(c, SNAG_MESSAGES.notInGroup)
    state.setGroup(user, null)
    return c.json({ message: SNAG_MESSAGES.success })
  })

  app.post('/api/users/metadatas', async (c) => {
    const request = await body(c, SnagMetadataRequest)
    if (!request) return notValid(c)
    if (!ownIds(request)) return forbidden(c)
    const { userId, walletAddress, websiteId: _w, organizationId: _o, userGroupExternalIdentifier, ...fields } = request
    const user =
      userId !== undefined ? state.users.get(userId) : walletAddress !== undefined ? state.usersWithAddress(walletAddress)[0] : undefined
    if (!user) return badRequest(c, SNAG_MESSAGES.userNotFound)

    const group = user.userGroupId === null ? undefined : state.groups.get(user.userGroupId)
    if (group && userGroupExternalIdentifier !== undefined) group.externalIdentifier = userGroupExternalIdentifier
    const metadata = state.writeMetadata(user, fields)
    const answer: SnagMetadataResponse = {
      id: metadata.id,
      websiteId: options.websiteId,
      organizationId: options.organizationId,
      walletGroupIdentifier: metadata.walletGroupIdentifier ?? null,
      userGroupId: user.userGroupId,
      userGroup: group ? { id: group.id, externalIdentifier: group.externalIdentifier } : null,
      user: { id: user.id, walletAddress: user.walletAddress },
      createdAt: metadata.createdAt,
    }
    return c.json(answer)
  })

  app.get('/api/users', (c) => {
    const parsed = SnagUsersQuery.safeParse(c.req.query())
    if (!parsed.success) return notValid(c)
    const query = parsed.data
    if (!ownIds(query)) return forbidden(c)
    const limit = query.limit ?? 100
    // Start from the narrowest index the query allows, then apply every filter.
    const candidates =
      query.walletAddress !== undefined
        ? state.usersWithAddress(query.walletAddress)
        : query.userGroupId !== undefined
          ? state.members(query.userGroupId)
          : [...state.users.values()]
    const all = candidates.filter(
      (user) =>
        (query.userGroupId === undefined || user.userGroupId === query.userGroupId) &&
        (query.externalIdentifier === undefined || state.metadata.get(user.id)?.externalIdentifier === query.externalIdentifier),
    )
    // Pages in a stable order (creation, then id); `startingAfter` names the last user of the page before.
    all.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    const after = query.startingAfter === undefined ? -1 : all.findIndex((user) => user.id === query.startingAfter)
    const matches = after === -1 && query.startingAfter !== undefined ? [] : all.slice(after + 1)
    const answer: SnagUsersResponse = {
      data: matches.slice(0, limit).map((user) => state.toSnagUser(user)),
      hasNextPage: matches.length > limit,
    }
    return c.json(answer)
  })

  return app
}
