/**
 * Bounded retries with exponential back-off and full jitter, only for failures
 * marked transient (connection errors, timeouts, 502/503/504 and other 5xx, 429).
 * A `Retry-After` the upstream sent is honoured when it fits within the cap.
 * Never retries a 4xx: asking again would get the same answer.
 */
import { RelayError } from '../protocol/errors.js'

export type RetryOptions = {
  attempts: number
  baseDelayMs: number
  maxDelayMs: number
  sleep?: (ms: number) => Promise<void>
  random?: () => number
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export const isTransient = (error: unknown): error is RelayError => error instanceof RelayError && error.transient

/** Calls `call(attempt)` until it succeeds, fails for good, or runs out of attempts; throws the last failure. */
export async function withRetry<T>(call: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const { attempts, baseDelayMs, maxDelayMs, sleep = defaultSleep, random = Math.random } = options
  for (let attempt = 1; ; attempt++) {
    try {
      return await call(attempt)
    } catch (error) {
      if (!isTransient(error) || attempt >= attempts) throw error
      const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)) * random()
      const asked = error.retryAfter !== undefined ? error.retryAfter * 1000 : 0
      await sleep(asked > maxDelayMs ? backoff : Math.max(backoff, asked))
    }
  }
}

/** The retry policy for upstream calls made while a person waits. */
export const UPSTREAM_RETRY: RetryOptions = { attempts: 3, baseDelayMs: 150, maxDelayMs: 1500 }
