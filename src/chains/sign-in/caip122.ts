/**
 * CAIP-122 "Sign in with X": the EIP-4361 layout for chains other than Ethereum,
 * with the chain's own account name in the header and a CAIP-2 Chain ID. The
 * relay builds the text (the challenge's `message`) and, to verify, parses what
 * was signed and requires it to be exactly the text it would build.
 */
import type { ChallengeRecord } from '../server-face.js'
import type { SignInFields } from './fields.js'

/** What the text names: the challenge's fields, the account, and the CAIP-2 chain id. */
export type Caip122Fields = Pick<ChallengeRecord, 'domain' | 'statement' | 'uri' | 'version' | 'nonce' | 'issuedAt' | 'expiresAt'> & {
  address: string
  chainId: string
}

const header = (account: string) => ` wants you to sign in with your ${account} account:`

/** The text for `account` ('Sui', 'Cosmos', 'Substrate'…). */
export function caip122Message(account: string, f: Caip122Fields): string {
  return [
    `${f.domain}${header(account)}`,
    f.address,
    '',
    f.statement,
    '',
    `URI: ${f.uri}`,
    `Version: ${f.version}`,
    `Chain ID: ${f.chainId}`,
    `Nonce: ${f.nonce}`,
    `Issued At: ${f.issuedAt}`,
    `Expiration Time: ${f.expiresAt}`,
  ].join('\n')
}

const FIELD = /^(URI|Version|Chain ID|Nonce|Issued At|Expiration Time|Not Before|Request ID|Resources): ?(.*)$/

/**
 * The fields of a text in this layout (lines read one by one, no backtracking), or
 * undefined when it is not one. Lines the relay never issues (Not Before, Request
 * ID, Resources) are read too, so that the field checks can refuse them by name.
 */
export function parseCaip122(account: string, text: string): SignInFields | undefined {
  const lines = text.split('\n')
  const [first, address, blank, statement, blank2, ...rest] = lines
  if (!first?.endsWith(header(account)) || !address || blank !== '' || statement === undefined || blank2 !== '') return undefined
  const fields: SignInFields = { domain: first.slice(0, -header(account).length), address, statement }
  for (const line of rest) {
    const match = FIELD.exec(line)
    if (!match) return undefined
    const value = match[2]!
    switch (match[1]) {
      case 'URI':
        fields.uri = value
        break
      case 'Version':
        fields.version = value
        break
      case 'Chain ID':
        fields.chainId = value
        break
      case 'Nonce':
        fields.nonce = value
        break
      case 'Issued At':
        fields.issuedAt = value
        break
      case 'Expiration Time':
        fields.expirationTime = value
        break
      case 'Not Before':
        fields.notBefore = value
        break
      case 'Request ID':
        fields.requestId = value
        break
      default:
        fields.resources = [value]
    }
  }
  return fields
}
