/**
 * The RPC endpoints verifiers may ask (a chain's node, an access API…), as the
 * operator configured them. Every call has a deadline and follows the caller's
 * signal; a call that fails for a passing reason (network, timeout, 5xx, 429) is
 * retried once. A chain that stays down or slow is `dependency_unavailable`
 * (503, retryable): never a bad signature, never the person's fault.
 */
import type { ChainRpc, RpcInit } from '../chains/server-face.js'
import { RelayError } from '../protocol/errors.js'
import type { FetchLike } from '../upstream/http.js'

export type RpcOptions = {
  /** Endpoint URL per chain reference (an EVM chain id, a network name…). */
  urls: Readonly<Record<string, string>>
  timeoutMs: number
  fetch?: FetchLike
}

const unavailable = (reference: string, why: string) =>
  new RelayError('dependency_unavailable', { details: `rpc ${reference}: ${why}`, transient: true, retryAfter: 1 })

export function createRpc({ urls, timeoutMs, fetch = globalThis.fetch }: RpcOptions): (reference: string) => ChainRpc | undefined {
  return (reference) => {
    const url = Object.hasOwn(urls, reference) ? urls[reference] : undefined
    if (!url) return undefined
    async function once(input: string | URL, init: RpcInit): Promise<Response> {
      const deadline = AbortSignal.timeout(timeoutMs)
      const signal = init.signal ? AbortSignal.any([init.signal, deadline]) : deadline
      let response: Response
      try {
        response = await fetch(input, { ...init, signal })
      } catch (error) {
        if (init.signal?.aborted) throw error
        throw unavailable(reference, deadline.aborted ? `no answer in ${timeoutMs} ms` : 'unreachable')
      }
      if ((response.status >= 500 || response.status === 429) && !init.answers?.includes(response.status))
        throw unavailable(reference, `answered ${response.status}`)
      return response
    }
    return {
      url,
      async fetch(input, init = {}) {
        try {
          return await once(input, init)
        } catch (error) {
          if (!(error instanceof RelayError)) throw error
          return once(input, init)
        }
      },
    }
  }
}
