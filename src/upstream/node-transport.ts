/**
 * The upstream transport on Node: `node:http`/`node:https` over keep-alive
 * connection pools, one per protocol. Under load, `fetch` (undici) spent more of
 * the relay's time than anything else but the proofs: its Request, Headers,
 * streams and abort signal per call. This does one request and one timer per call
 * and reuses connections. Only the Node entry imports this file.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import { errorName, TransportError, type Transport } from './http.js'

export type NodeTransportOptions = {
  /** Connections kept per upstream host (the pool's size). */
  maxSockets?: number
}

export function nodeTransport({ maxSockets = 64 }: NodeTransportOptions = {}): Transport & { close(): void } {
  const http = new HttpAgent({ keepAlive: true, maxSockets })
  const https = new HttpsAgent({ keepAlive: true, maxSockets })

  const transport = ({ url, method, headers, body, timeoutMs }: Parameters<Transport>[0]) =>
    new Promise<Awaited<ReturnType<Transport>>>((resolve, reject) => {
      const secure = url.protocol === 'https:'
      const outgoing = (secure ? httpsRequest : httpRequest)(url, {
        method,
        agent: secure ? https : http,
        headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      })
      let timedOut = false
      const timer = setTimeout(() => {
        timedOut = true
        outgoing.destroy(new Error('deadline'))
      }, timeoutMs)
      const fail = (error: Error) => {
        clearTimeout(timer)
        reject(
          timedOut
            ? new TransportError(`no answer in ${timeoutMs} ms`, true, { cause: error })
            : new TransportError(errorName(error), false, { cause: error }),
        )
      }
      outgoing.on('error', fail)
      outgoing.on('response', (incoming: IncomingMessage) => {
        let text = ''
        incoming.setEncoding('utf8')
        incoming.on('data', (chunk: string) => (text += chunk))
        incoming.on('error', fail)
        // Cut off before its end (the deadline, or the server closing): no answer.
        incoming.on('close', () => incoming.complete || fail(new Error('the answer was cut off')))
        incoming.on('end', () => {
          clearTimeout(timer)
          const retryAfter = incoming.headers['retry-after']
          resolve({ status: incoming.statusCode ?? 0, retryAfter: retryAfter ?? null, text })
        })
      })
      outgoing.end(body)
    })

  return Object.assign(transport, {
    /** Closes the pooled connections (at shutdown). */
    close() {
      http.destroy()
      https.destroy()
    },
  })
}
