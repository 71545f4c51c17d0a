import { z } from 'zod/mini'

/**
 * Every error the relay can answer, with its fixed HTTP status, whether sending
 * the same request again later can help, and a default English message. The
 * widget maps each code to text in its translation table; nothing reads the
 * message to decide what happened.
 */
export const ERRORS = {
  invalid_request: { status: 400, retryable: false, message: 'The request is not valid.' },
  not_found: { status: 404, retryable: false, message: 'There is no such route.' },
  method_not_allowed: { status: 405, retryable: false, message: 'The route does not accept this method.' },
  payload_too_large: { status: 413, retryable: false, message: 'The request body is too large.' },
  unsupported_media_type: { status: 415, retryable: false, message: 'Send the request body as application/json.' },
  origin_not_allowed: { status: 403, retryable: false, message: 'This site is not allowed to use the relay.' },
  chain_not_allowed: { status: 400, retryable: false, message: 'This chain is not enabled on the relay.' },
  challenge_unknown: { status: 400, retryable: false, message: 'The challenge is unknown or was already used. Ask for a new one.' },
  challenge_expired: { status: 400, retryable: false, message: 'The challenge has expired. Ask for a new one.' },
  domain_mismatch: { status: 400, retryable: false, message: 'The signed message is not bound to this site.' },
  address_mismatch: { status: 400, retryable: false, message: 'The signed message names another wallet address.' },
  signature_invalid: { status: 401, retryable: false, message: 'The signature does not prove control of the wallet.' },
  wallet_unsupported: {
    status: 400,
    retryable: false,
    message: 'This kind of wallet (its signature scheme or contract) cannot be verified here.',
  },
  already_linked: { status: 409, retryable: false, message: 'This wallet is already linked to this account.' },
  max_wallets_linked: {
    status: 409,
    retryable: false,
    message: 'This account has reached its maximum number of linked wallets. Unlink one first.',
  },
  wallet_linked_elsewhere: { status: 409, retryable: false, message: 'This wallet is linked to another account. Confirm to move it here.' },
  user_not_found: { status: 404, retryable: false, message: 'The account was not found.' },
  unauthorized: { status: 401, retryable: false, message: 'Sign in again: the session or token is missing, invalid or expired.' },
  forbidden: { status: 403, retryable: false, message: 'You have not proved control of that account.' },
  rate_limited: { status: 429, retryable: true, message: 'Too many requests. Try again shortly.' },
  upstream_unavailable: { status: 503, retryable: true, message: 'The account service is unavailable. Try again shortly.' },
  upstream_timeout: { status: 504, retryable: true, message: 'The account service did not answer in time. Try again.' },
  dependency_unavailable: {
    status: 503,
    retryable: true,
    message: 'A service the relay needs to check this proof is unavailable. Try again shortly.',
  },
  upstream_rejected: { status: 502, retryable: false, message: 'The account service gave an answer the relay could not use.' },
  internal: { status: 500, retryable: false, message: 'Something went wrong on the relay.' },
} as const satisfies Record<string, { status: number; retryable: boolean; message: string }>

export type ErrorCode = keyof typeof ERRORS
export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[]
export const ErrorCode = z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]])

/**
 * The one error body the relay ever sends. `code` is read as a string: a relay
 * newer than the widget may send a code the widget does not know yet.
 */
export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), retryable: z.optional(z.boolean()) }),
})
export type ErrorBody = z.infer<typeof ErrorBody>

export type RelayErrorParameters = {
  message?: string
  details?: string
  cause?: unknown
  /** Seconds until a retry makes sense (rate limits, upstream back-off). */
  retryAfter?: number
  /** An upstream failure that may pass if the same call is made again (network, 5xx, 429, timeout). */
  transient?: boolean
  /** Whether the caller sending the same request again later can help; the code's own answer by default. */
  retryable?: boolean
}

/**
 * An error with a stable code. Thrown by verifiers, upstream clients and routes;
 * the relay's error handler turns it into `{ error: { code, message, retryable } }`.
 * `details` is for logs only and must never hold secrets.
 */
export class RelayError extends Error {
  override name = 'RelayError'
  readonly code: ErrorCode
  readonly status: number
  readonly details: string | undefined
  readonly retryAfter: number | undefined
  readonly transient: boolean
  readonly retryable: boolean

  constructor(code: ErrorCode, params: RelayErrorParameters = {}) {
    super(params.message ?? ERRORS[code].message, { cause: params.cause })
    this.code = code
    this.status = ERRORS[code].status
    this.details = params.details
    this.retryAfter = params.retryAfter
    this.transient = params.transient ?? false
    this.retryable = params.retryable ?? (this.transient || ERRORS[code].retryable)
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, retryable: this.retryable } }
  }
}
