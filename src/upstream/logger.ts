/**
 * The logging surface the relay's parts need; pino's logger satisfies it.
 * Parts log objects with a message, never secrets (pino's redaction is a second line).
 */
export interface Logger {
  debug(obj: object, msg?: string): void
  info(obj: object, msg?: string): void
  warn(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
}

const noop = () => {}
export const silentLogger: Logger = { debug: noop, info: noop, warn: noop, error: noop }

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const
/** Keys whose values a log line never shows, at any depth (pino's redaction does the same on Node). */
const SECRET_KEYS = new Set([
  'apikey',
  'authtoken',
  'signature',
  'session',
  'token',
  'usertoken',
  'authorization',
  'x-user-token',
  'x-api-key',
  'x-velt-api-key',
  'x-velt-auth-token',
])

function redacted(value: unknown, depth = 0): unknown {
  if (value instanceof Error) return { type: value.name, message: value.message }
  if (!value || typeof value !== 'object' || depth > 6) return value
  if (Array.isArray(value)) return value.map((item) => redacted(item, depth + 1))
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, SECRET_KEYS.has(key.toLowerCase()) ? '[redacted]' : redacted(item, depth + 1)]),
  )
}

/** JSON lines on the console, for runtimes without pino (Workers): the same fields, secrets redacted. */
export function consoleLogger(level: string = 'info'): Logger {
  const floor = Math.max(0, LEVELS.indexOf(level as (typeof LEVELS)[number]))
  const at =
    (name: 'debug' | 'info' | 'warn' | 'error') =>
    (obj: object, msg?: string): void => {
      if (LEVELS.indexOf(name) < floor) return
      const line = JSON.stringify({ level: name, time: Date.now(), service: 'link-wallet-relay', ...(redacted(obj) as object), msg })
      if (name === 'error' || name === 'warn') console.error(line)
      else console.log(line)
    }
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}
