import { describe, expect, it } from 'vitest'
import { ERRORS, ERROR_CODES, RelayError } from './errors.js'

describe('relay error codes', () => {
  it('are exactly the codes the design names (and 404 / 405 for routes), each with one fixed status', () => {
    expect(ERROR_CODES).toEqual([
      'invalid_request',
      'not_found',
      'method_not_allowed',
      'payload_too_large',
      'unsupported_media_type',
      'origin_not_allowed',
      'chain_not_allowed',
      'challenge_unknown',
      'challenge_expired',
      'domain_mismatch',
      'address_mismatch',
      'signature_invalid',
      'wallet_unsupported',
      'already_linked',
      'max_wallets_linked',
      'wallet_linked_elsewhere',
      'user_not_found',
      'unauthorized',
      'forbidden',
      'rate_limited',
      'upstream_unavailable',
      'upstream_timeout',
      'dependency_unavailable',
      'upstream_rejected',
      'internal',
    ])
    expect(Object.fromEntries(ERROR_CODES.map((code) => [code, ERRORS[code].status]))).toEqual({
      address_mismatch: 400,
      not_found: 404,
      method_not_allowed: 405,
      already_linked: 409,
      challenge_expired: 400,
      challenge_unknown: 400,
      chain_not_allowed: 400,
      domain_mismatch: 400,
      forbidden: 403,
      internal: 500,
      invalid_request: 400,
      max_wallets_linked: 409,
      origin_not_allowed: 403,
      payload_too_large: 413,
      rate_limited: 429,
      signature_invalid: 401,
      wallet_unsupported: 400,
      unauthorized: 401,
      unsupported_media_type: 415,
      upstream_rejected: 502,
      upstream_timeout: 504,
      dependency_unavailable: 503,
      upstream_unavailable: 503,
      user_not_found: 404,
      wallet_linked_elsewhere: 409,
    })
  })

  it('become the one error body, keeping details out of it', () => {
    const error = new RelayError('upstream_timeout', { details: 'snag POST /api/users/connect: no answer in 8000 ms' })
    expect(error.status).toBe(504)
    expect(error.toBody()).toEqual({
      error: { code: 'upstream_timeout', retryable: true, message: 'The account service did not answer in time. Try again.' },
    })
  })
})
