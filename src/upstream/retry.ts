/**
 * Bounded retries with exponential back-off and full jitter, only for failures
 * marked transient (connection errors, timeouts, 5xx, 429). A `Retry-After`
 * the upstream sent is honoured when it fits within the cap.
 */
import { RelayError } from '../protocol/errors.js'

export type RetryOptions = {
  attempts: number
  baseDelayMs: number
  maxDelayMs: number
  sleep?: (ms: number) => Promise<void>
  random?: () => number
}

export type Attempted<T> = { value: T; attempts: number }

export class RetriesExhausted extends Error {
  override name = 'RetriesExhausted'
  constructor(
    readonly last: unknown,
    readonly attempts: number,
  ) {
    super(`gave up after ${attempts} attempt(s)`, { cause: last })
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export const isTransient = (error: unknown) => error instanceof RelayError && error.transient

export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions): Promise<Attempted<T>> {
  const { attempts, baseDelayMs, maxDelayMs, sleep = defaultSleep, random = Math.random } = options
  for (let attempt = 1; ; attempt++) {
    try {
      return { value: await call(), attempts: attempt }
    } catch (error) {
      if (!isTransient(error) || attempt >= attempts) throw new RetriesExhausted(error, attempt)
      const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)) * random()
      const asked = error instanceof RelayError && error.retryAfter !== undefined ? error.retryAfter * 1000 : 0
      await sleep(asked > maxDelayMs ? backoff : Math.max(backoff, asked))
    }
  }
}
