/** Body validation by the shared schemas; a failure becomes `invalid_request`, never Zod's raw output. */
import { zValidator } from '@hono/zod-validator'
import type { z } from 'zod/mini'
import { RelayError } from '../../protocol/errors.js'
import '../zod-english.js'

export function describeIssues(error: z.core.$ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'The request is not valid.'
  const where = issue.path.length ? issue.path.join('.') : 'body'
  if (issue.code === 'unrecognized_keys') return `${where}: unknown field ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`
  return `${where}: ${issue.message}`
}

export function json<S extends z.ZodMiniType>(schema: S) {
  return zValidator('json', schema, (result) => {
    if (!result.success) throw new RelayError('invalid_request', { message: describeIssues(result.error) })
  })
}
