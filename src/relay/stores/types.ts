import { RelayError } from '../../protocol/errors.js'

/**
 * The little a relay needs from shared state. Memory serves one process;
 * a Redis store (same contract) serves several instances.
 */
export interface Store {
  /** What holds the state, for readiness and logs: `memory`, `redis`, `durable-object`. */
  readonly kind: string
  /** Set `key` only if absent, expiring after `ttlMs`. Resolves false when the key existed. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>
  /** Set `key`, replacing any value, expiring after `ttlMs` (never, when undefined). */
  set(key: string, value: string, ttlMs: number | undefined): Promise<void>
  get(key: string): Promise<string | undefined>
  /** Read and delete in one atomic step: of several concurrent callers, one gets the value. */
  take(key: string): Promise<string | undefined>
  delete(key: string): Promise<void>
  /** Delete `key` only while it holds `value` (a lock released by its holder alone). Atomic. */
  deleteIf(key: string, value: string): Promise<boolean>
  /**
   * Adds one to the counter at `key`, which starts (at 1) with a lifetime of
   * `windowMs`. Resolves the count and the milliseconds until it resets.
   */
  increment(key: string, windowMs: number): Promise<{ count: number; resetMs: number }>
  /** Adds `member` to the set at `key`, which then lives at least `ttlMs` more. */
  addToSet(key: string, member: string, ttlMs: number): Promise<void>
  setMembers(key: string): Promise<string[]>
  removeFromSet(key: string, member: string): Promise<void>
  /** Liveness of the backing service, for `/readyz`. */
  ping(): Promise<boolean>
  close(): Promise<void>
}

/** A store that could not answer: the relay's own dependency, named as such (503, retryable). */
export const storeUnavailable = (kind: string, what: string, cause?: unknown) =>
  new RelayError('upstream_unavailable', {
    message: `The relay's store (${kind}) is unavailable. Try again shortly.`,
    details: `store: ${kind} ${what}`,
    transient: true,
    cause,
  })
