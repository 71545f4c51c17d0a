/**
 * `GET /openapi.json`: the relay's HTTP API as an OpenAPI 3.1 document, generated
 * from the same zod schemas that parse its requests and the widget's replies, for
 * the chains this relay knows. Nothing in it is written twice.
 */
import { toJSONSchema, type z } from 'zod/mini'
import type { AnyChainSpec } from '../chains/spec.js'
import { ErrorBody } from '../protocol/errors.js'
import {
  ChallengeResponse,
  HealthResponse,
  LinkResponse,
  ProfileRequest,
  ProfileResponse,
  relaySchemas,
  UnlinkRequest,
  UnlinkResponse,
  WalletsResponse,
} from '../protocol/relay.js'
import { VERSION } from './version.js'

type Schema = z.ZodMiniType
type Operation = {
  summary: string
  request?: Schema
  /** The success status and its body; `null` for an empty body. */
  ok: [number, Schema | null]
  /** The route needs the session's bearer token. */
  session?: boolean
  /** Answered to any origin (no CORS allowlist). */
  public?: boolean
}

/** A schema as JSON Schema, as requests are read (`input`) or responses written (`output`). */
function jsonSchema(schema: Schema, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>
  return rest
}

export function openApiDocument(specs: readonly AnyChainSpec[]) {
  const { ChallengeRequest, LinkRequest, ConfigResponse } = relaySchemas(specs)
  const operations: Record<string, Record<string, Operation>> = {
    '/v1/config': { get: { summary: 'The chains this relay links and what the page needs of each.', ok: [200, ConfigResponse] } },
    '/v1/challenge': {
      post: {
        summary: 'A single-use challenge (and, given an address, the exact text to sign).',
        request: ChallengeRequest,
        ok: [200, ChallengeResponse],
      },
    },
    '/v1/link': {
      post: {
        summary: 'Verify a proof and link its wallet to the account (a session is made or continued).',
        request: LinkRequest,
        ok: [200, LinkResponse],
      },
    },
    '/v1/wallets': { get: { summary: 'The wallets of the session’s account.', ok: [200, WalletsResponse], session: true } },
    '/v1/unlink': {
      post: { summary: 'Unlink one of the account’s wallets.', request: UnlinkRequest, ok: [200, UnlinkResponse], session: true },
    },
    '/v1/profile': {
      get: { summary: 'The profile as saved through the relay.', ok: [200, ProfileResponse], session: true },
      post: {
        summary: 'Change the allowlisted profile fields sent (null clears one; the others keep what was saved).',
        request: ProfileRequest,
        ok: [200, ProfileResponse],
        session: true,
      },
    },
    '/v1/session': { delete: { summary: 'End this session.', ok: [204, null], session: true } },
    '/v1/sessions': { delete: { summary: 'End every session of the account.', ok: [204, null], session: true } },
    '/healthz': { get: { summary: 'The process answers.', ok: [200, HealthResponse], public: true } },
    '/readyz': {
      get: { summary: 'The process and its store answer (503 naming what fails otherwise).', ok: [200, HealthResponse], public: true },
    },
  }
  const error = {
    description: 'An error with a stable code',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  }
  const paths = Object.fromEntries(
    Object.entries(operations).map(([path, methods]) => [
      path,
      Object.fromEntries(
        Object.entries(methods).map(([method, op]) => [
          method,
          {
            summary: op.summary,
            ...(op.session ? { security: [{ session: [] }] } : {}),
            ...(op.request
              ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.request, 'input') } } } }
              : {}),
            responses: {
              [op.ok[0]]: op.ok[1]
                ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(op.ok[1], 'output') } } }
                : { description: 'No content' },
              ...(path === '/readyz'
                ? { 503: { description: 'Not ready', content: { 'application/json': { schema: jsonSchema(HealthResponse, 'output') } } } }
                : { default: error }),
            },
          },
        ]),
      ),
    ]),
  )
  return {
    openapi: '3.1.0',
    info: {
      title: 'link-wallet relay',
      version: VERSION,
      description:
        'Proves wallet ownership and links wallets to Snag accounts. Browser routes (/v1) answer only the allowed origins (CORS, `Origin` checked).',
    },
    paths,
    components: {
      schemas: { Error: jsonSchema(ErrorBody, 'output') },
      securitySchemes: {
        session: { type: 'http', scheme: 'bearer', description: 'The `session` a link answered.' },
        userToken: { type: 'apiKey', in: 'header', name: 'X-User-Token', description: 'A host token naming your user (optional).' },
      },
    },
  }
}
