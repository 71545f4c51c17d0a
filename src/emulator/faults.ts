/**
 * Faults the emulator can be told to answer with, once each, so the relay's
 * handling of upstream failures is tested against real HTTP answers.
 */
import type { MiddlewareHandler } from 'hono'

export type Fault =
  /** Answer this status with this JSON body (or with no body). */
  | { status: number; body?: unknown; headers?: Record<string, string> }
  /** Answer 200 with a body that is not JSON. */
  | { malformed: true }
  /** Wait this long before handling the request as usual. */
  | { delayMs: number }
  /** Handle the request as usual (its effects happen), then answer this status instead: a lost answer. */
  | { lostAnswer: number }
  /**
   * Handle the request as usual (it reads or changes the state now), tell `handled`, and answer
   * only once `answerAfter` settles: an answer slow to come back. In-process tests only.
   */
  | { answerAfter: Promise<unknown>; handled?: () => void }

export class Faults {
  private readonly queue = new Map<string, Fault[]>()

  /** The next request to `path` (e.g. `/api/users/connect`) meets `fault`. */
  next(path: string, fault: Fault): void {
    this.queue.set(path, [...(this.queue.get(path) ?? []), fault])
  }

  clear(): void {
    this.queue.clear()
  }

  middleware(): MiddlewareHandler {
    return async (c, next) => {
      const pending = this.queue.get(c.req.path)
      const fault = pending?.shift()
      if (!fault) return next()
      if ('delayMs' in fault) {
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs))
        return next()
      }
      if ('answerAfter' in fault) {
        await next()
        fault.handled?.()
        await fault.answerAfter
        return
      }
      if ('lostAnswer' in fault) {
        await next()
        c.res = c.body(null, fault.lostAnswer as 502)
        return
      }
      if ('malformed' in fault) return c.body('<html>Bad gateway</html>', 200, { 'content-type': 'text/html' })
      const headers = fault.headers ?? {}
      return fault.body === undefined ? c.body(null, fault.status as 500, headers) : c.json(fault.body, fault.status as 500, headers)
    }
  }
}
