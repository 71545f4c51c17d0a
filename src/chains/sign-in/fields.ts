/**
 * The field checks shared by every EIP-4361-style sign-in message (SIWE for EVM,
 * Sign-In With Solana): each field that ends up in the signed text is compared
 * with what the relay issued and stored, never with what the browser claims.
 */
import { RelayError } from '../../protocol/errors.js'
import { CLOCK_SKEW_MS } from '../../protocol/time.js'
import type { ChallengeRecord } from '../server-face.js'

/** What the checks compare a message with: the challenge, the claimed address, and the time now. */
export type SignInContext = { challenge: ChallengeRecord; walletAddress: string; now: number }

/** The fields of a parsed sign-in message, as raw strings where they were text. */
export type SignInFields = {
  domain?: string | undefined
  address?: string | undefined
  statement?: string | undefined
  uri?: string | undefined
  version?: string | undefined
  chainId?: number | string | undefined
  nonce?: string | undefined
  issuedAt?: string | undefined
  expirationTime?: string | undefined
  notBefore?: string | undefined
  requestId?: string | undefined
  resources?: readonly string[] | undefined
}

export type SignInRules = {
  sameAddress(a: string, b: string): boolean
  chainAllowed(chainId: SignInFields['chainId']): boolean
}

/**
 * The most lines a sign-in text the relay issues can have (SIWE and SIWS with
 * every field, a few to spare). Parsers meet only texts within it: a text of
 * thousands of newlines costs the Solana parser quadratic time.
 */
export const MAX_SIGN_IN_LINES = 24

/** Refuses a text longer than any the relay issues, before any parser reads it. */
export function boundedSignInText(message: string): string {
  let lines = 1
  for (let i = message.indexOf('\n'); i !== -1; i = message.indexOf('\n', i + 1))
    if (++lines > MAX_SIGN_IN_LINES)
      throw new RelayError('invalid_request', { message: 'The signed message has more lines than any the relay issues.' })
  return message
}

export { CLOCK_SKEW_MS }

export function checkSignInFields(fields: SignInFields, context: SignInContext, rules: SignInRules): void {
  const { challenge, walletAddress } = context

  if (fields.domain !== challenge.domain)
    throw new RelayError('domain_mismatch', { details: `domain ${JSON.stringify(fields.domain)} ≠ ${challenge.domain}` })
  if (fields.uri !== challenge.uri)
    throw new RelayError('domain_mismatch', {
      message: 'The signed message names another URI than the one the relay issued.',
      details: `uri ${JSON.stringify(fields.uri)} ≠ ${challenge.uri}`,
    })

  const signer = fields.address
  if (!signer || !rules.sameAddress(signer, walletAddress))
    throw new RelayError('address_mismatch', { details: `message address ${signer} ≠ walletAddress ${walletAddress}` })
  if (challenge.address && !rules.sameAddress(signer, challenge.address))
    throw new RelayError('address_mismatch', { details: `message address ${signer} ≠ challenge address ${challenge.address}` })

  if (!rules.chainAllowed(fields.chainId)) throw new RelayError('chain_not_allowed', { details: `chain ${String(fields.chainId)}` })
  if (challenge.chainId !== undefined && fields.chainId !== challenge.chainId)
    throw new RelayError('chain_not_allowed', {
      message: 'The signed message names another chain than the challenge.',
      details: `chain ${String(fields.chainId)} ≠ ${challenge.chainId}`,
    })

  checkWindow(fields, context)

  if (fields.notBefore !== undefined || fields.requestId !== undefined || fields.resources !== undefined)
    throw new RelayError('invalid_request', { message: 'The signed message has fields the relay did not issue.' })

  if (fields.version !== challenge.version || (fields.statement ?? '') !== challenge.statement)
    throw new RelayError('invalid_request', { message: 'The signed message is not the one the relay issued.' })
}

/** Dates that do not parse fail closed; every bound is checked against the relay's clock. */
function checkWindow(fields: SignInFields, { challenge, now }: SignInContext): void {
  const issuedAt = parseDate(fields.issuedAt)
  const expiresAt = parseDate(fields.expirationTime)
  if (issuedAt === null || expiresAt === null)
    throw new RelayError('invalid_request', { message: 'The signed message has a missing or malformed date.' })

  if (now + CLOCK_SKEW_MS < issuedAt) throw new RelayError('challenge_expired', { message: 'The signed message is not valid yet.' })
  if (now >= expiresAt || now >= Date.parse(challenge.expiresAt)) throw new RelayError('challenge_expired')

  // Issued At may be later than the challenge's (WalletConnect's sign-in stamps its own, when the
  // wallet is asked), never earlier; the expiry is the challenge's, exactly.
  if (issuedAt < Date.parse(challenge.issuedAt) || fields.expirationTime !== challenge.expiresAt)
    throw new RelayError('invalid_request', { message: 'The signed message has other dates than the challenge.' })
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

/** Milliseconds since the epoch, or `null` when the date is absent or does not parse. */
function parseDate(value: string | undefined): number | null {
  if (value === undefined || !RFC3339.test(value)) return null
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? null : ms
}
