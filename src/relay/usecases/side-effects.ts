/**
 * The optional side effects of a change to an account (recording the host's user
 * on Snag, adding the user to the Velt group): each retried on passing failures,
 * run concurrently with a deadline of its own, and reported, never thrown, so a
 * hanging one can neither undo a link nor hold the person waiting.
 */
import type { RelayError } from '../../protocol/errors.js'
import type { SyncOutcome } from '../../protocol/relay.js'
import type { Logger } from '../../upstream/logger.js'
import { UPSTREAM_RETRY, withRetry } from '../../upstream/retry.js'

/** How long one side effect may take, retries included, before the answer goes without it. */
export const SIDE_EFFECT_DEADLINE_MS = 4000

export async function sideEffect(
  name: string,
  logger: Logger,
  run: () => Promise<unknown>,
  deadlineMs = SIDE_EFFECT_DEADLINE_MS,
): Promise<SyncOutcome> {
  let attempts = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), deadlineMs)))
  try {
    const outcome = await Promise.race([
      withRetry((attempt) => {
        attempts = attempt
        return run()
      }, UPSTREAM_RETRY),
      deadline,
    ])
    if (outcome !== 'late') return { status: 'done', attempts }
    logger.warn({ sideEffect: name, attempts, deadlineMs }, `${name} did not finish in time; the change stands`)
    return { status: 'failed', attempts }
  } catch (error) {
    const { code, details } = error as RelayError
    logger.warn({ sideEffect: name, attempts, code, details }, `${name} failed; the change stands`)
    return { status: 'failed', attempts }
  } finally {
    clearTimeout(timer)
  }
}
