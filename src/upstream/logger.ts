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
