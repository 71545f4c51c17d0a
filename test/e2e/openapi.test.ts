/**
 * The relay's OpenAPI document against the relay's own answers: the relay binary
 * of the e2e stack serves /openapi.json, and every answer of a real session (real
 * keys, the emulator upstream) validates against the schema the document gives
 * for its route, method and status, checked by Ajv (JSON Schema 2020-12).
 */
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import type { ChallengeResponse, LinkResponse } from '../../src/protocol/relay.js'
import { evmWallet } from '../support/evm.js'

const { relay, demo } = inject('stack')
const ajv = new Ajv2020({ strict: false, allErrors: true })
;(addFormats as unknown as (ajv: Ajv2020) => void)(ajv)
let document: { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> }

beforeAll(async () => {
  const response = await fetch(`${relay}/openapi.json`)
  expect(response.status).toBe(200)
  document = await response.json()
  ajv.addSchema(document, 'openapi')
})

const pointer = (...parts: string[]) => parts.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')

/** Checks `response` against the document's schema for `method path` and its status; resolves the body. */
async function conforms(method: string, path: string, response: Response): Promise<unknown> {
  const responses = document.paths[path]?.[method]?.responses
  expect(responses, `${method} ${path} is in the document`).toBeDefined()
  const status = String(response.status)
  const key = status in responses! ? status : 'default'
  expect(responses![key], `${method} ${path} documents ${status}`).toBeDefined()
  if (response.status === 204) return undefined
  const body = await response.json()
  const schemaAt = (responses![key] as { content?: unknown; $ref?: string }).content
    ? `openapi#/${pointer('paths', path, method, 'responses', key, 'content', 'application/json', 'schema')}`
    : undefined
  const validate = ajv.getSchema(schemaAt ?? 'openapi#/components/schemas/Error') ?? ajv.compile({ $ref: schemaAt })
  if (!validate(body)) throw new Error(`${method} ${path} ${status}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`)
  return body
}

const call = (method: string, path: string, body?: unknown, session?: string) =>
  fetch(`${relay}${path}`, {
    method,
    headers: {
      origin: demo,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(session ? { authorization: `Bearer ${session}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

async function link(session?: string) {
  const wallet = evmWallet()
  const challenge = (await conforms(
    'post',
    '/v1/challenge',
    await call('POST', '/v1/challenge', { walletType: 'evm', address: wallet.address, chainId: 1 }),
  )) as ChallengeResponse
  const proof = await wallet.prove(challenge)
  const response = await call('POST', '/v1/link', { walletType: 'evm', walletAddress: wallet.address, verificationData: proof }, session)
  expect(response.status).toBe(200)
  return (await conforms('post', '/v1/link', response)) as LinkResponse
}

describe('the OpenAPI document', () => {
  it('is generated from the schemas for the chains the relay knows', () => {
    const linkBody = (
      document.paths['/v1/link']!.post as unknown as { requestBody: { content: Record<string, { schema: { oneOf: unknown[] } }> } }
    ).requestBody.content['application/json']!.schema
    expect(linkBody.oneOf.length).toBeGreaterThanOrEqual(6)
  })

  it('is strict enough to catch an answer it does not describe', async () => {
    const { wallet, wallets, session } = await link()
    const { userId: _dropped, ...withoutUserId } = wallet
    for (const body of [
      { wallet: withoutUserId, wallets, session },
      { wallet, wallets, session: 42 },
      { error: { code: 'nope', message: 'x' } },
    ])
      await expect(conforms('post', '/v1/link', Response.json(body))).rejects.toThrow(/post \/v1\/link 200/)
  })

  it('describes every answer of a real session, errors included', async () => {
    await conforms('get', '/v1/config', await call('GET', '/v1/config'))
    const first = await link()
    const second = await link(first.session)
    expect(second.wallets).toHaveLength(2)
    await conforms('get', '/v1/wallets', await call('GET', '/v1/wallets', undefined, first.session))
    await conforms('post', '/v1/profile', await call('POST', '/v1/profile', { displayName: 'Ada' }, first.session))
    await conforms('get', '/v1/profile', await call('GET', '/v1/profile', undefined, first.session))
    await conforms('post', '/v1/unlink', await call('POST', '/v1/unlink', { userId: second.wallet.userId }, first.session))
    await conforms('delete', '/v1/session', await call('DELETE', '/v1/session', undefined, first.session))
    await conforms('get', '/v1/wallets', await call('GET', '/v1/wallets', undefined, first.session))
    await conforms('post', '/v1/link', await call('POST', '/v1/link', { walletType: 'evm' }))
    await conforms('post', '/v1/challenge', await call('POST', '/v1/challenge', { walletType: 'nope' }))
    await conforms('get', '/healthz', await fetch(`${relay}/healthz`))
    await conforms('get', '/readyz', await fetch(`${relay}/readyz`))
  })
})
