/**
 * The relay's JSON logs (pino). Parts log objects that never hold secrets; these
 * redaction paths are the second line, for anything that slips into a log entry.
 */
import pino, { type DestinationStream } from 'pino'

export const REDACTED_PATHS = [
  'apiKey',
  '*.apiKey',
  'authToken',
  '*.authToken',
  'signature',
  '*.signature',
  '*.*.signature',
  'session',
  '*.session',
  'token',
  '*.token',
  'userToken',
  '*.userToken',
  'headers.authorization',
  'headers["x-user-token"]',
  'headers["x-api-key"]',
  'headers["x-velt-api-key"]',
  'headers["x-velt-auth-token"]',
]

export function createRelayLogger(level = 'info', destination?: DestinationStream): pino.Logger {
  return pino({ level, base: { service: 'link-wallet-relay' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination)
}
