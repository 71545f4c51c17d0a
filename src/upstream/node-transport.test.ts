/** The Node transport against real node:http servers: the Snag client over it, deadlines, failures, pooling. */
import { serve } from '@hono/node-server'
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createEmulator } from '../emulator/app.js'
import { RelayError } from '../protocol/errors.js'
import { callUpstream } from './http.js'
import { nodeTransport } from './node-transport.js'
import { createSnagClient } from './snag.js'

const closing: (() => void)[] = []
afterEach(() => {
  for (const close of closing.splice(0)) close()
})

async function listening(server: Server) {
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  closing.push(() => server.close())
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
}

const transport = () => {
  const t = nodeTransport()
  closing.push(() => t.close())
  return t
}

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure')
    },
    (error: unknown) => {
      if (!(error instanceof RelayError)) throw error
      return { code: error.code, details: error.details }
    },
  )

describe('nodeTransport', () => {
  it('carries the Snag client: a connect and a lookup against the emulator, over one pooled connection', async () => {
    // Its signature checks off: what travels is what is tested here, not the proof.
    const emulator = createEmulator({ verifySignatures: false })
    const sockets = new Set<unknown>()
    const server = serve({ fetch: emulator.app.fetch, hostname: '127.0.0.1', port: 0 }) as Server
    server.on('connection', (socket) => sockets.add(socket))
    await once(server, 'listening')
    closing.push(() => server.close())
    const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
    const snag = createSnagClient({ apiUrl, ...emulator.settings.snag, timeoutMs: 2000, transport: transport() })

    const user = await snag.connect({ walletType: 'evm', walletAddress: '0x0000000000000000000000000000000000000001' })
    const found = await snag.listUsers({ walletAddress: user.walletAddress })
    expect(found.data.map((u) => u.id)).toEqual([user.id])
    expect(sockets.size).toBe(1)
  })

  it('reads status, body and Retry-After, and sends the body with its length', async () => {
    let received = ''
    const url = await listening(
      createServer((request, response) => {
        request.setEncoding('utf8')
        request.on('data', (chunk: string) => (received += chunk))
        request.on('end', () => {
          response.writeHead(503, { 'retry-after': '7', 'content-type': 'application/json' })
          response.end(JSON.stringify({ message: 'busy', length: request.headers['content-length'] }))
        })
      }),
    )
    const answer = await callUpstream({
      transport: transport(),
      url: new URL(url),
      method: 'POST',
      headers: {},
      body: { é: 1 },
      timeoutMs: 2000,
      service: 'test',
    })
    expect(answer).toEqual({ status: 503, body: { message: 'busy', length: String(Buffer.byteLength('{"é":1}')) }, retryAfter: 7 })
    expect(received).toBe('{"é":1}')
  })

  it('gives up at the deadline, whether no answer starts or the body stalls', async () => {
    const silent = await listening(createServer(() => {}))
    const stalls = await listening(
      createServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' })
        response.write('{"partial":')
      }),
    )
    for (const url of [silent, stalls]) {
      const started = performance.now()
      const failure = await failureOf(
        callUpstream({ transport: transport(), url: new URL(url), method: 'GET', headers: {}, timeoutMs: 200, service: 'test' }),
      )
      expect(failure).toEqual({ code: 'upstream_timeout', details: 'test GET /: no answer in 200 ms' })
      expect(performance.now() - started).toBeLessThan(1500)
    }
  })

  it('says the upstream is unavailable when nothing listens, or it closes mid-answer, and refuses redirects', async () => {
    const closed = await listening(createServer(() => {}))
    closing.pop()!()
    const refused = await failureOf(
      callUpstream({ transport: transport(), url: new URL(closed), method: 'GET', headers: {}, timeoutMs: 2000, service: 'test' }),
    )
    expect(refused.code).toBe('upstream_unavailable')
    expect(refused.details).toMatch(/ECONNREFUSED/)

    const cut = await listening(
      createServer((_request, response) => {
        response.writeHead(200, { 'content-length': '100' })
        response.write('{"a"')
        setTimeout(() => response.socket?.destroy(), 20)
      }),
    )
    expect(
      (
        await failureOf(
          callUpstream({ transport: transport(), url: new URL(cut), method: 'GET', headers: {}, timeoutMs: 2000, service: 'test' }),
        )
      ).code,
    ).toBe('upstream_unavailable')

    const redirects = await listening(
      createServer((_request, response) => {
        response.writeHead(307, { location: 'http://elsewhere.example/' })
        response.end()
      }),
    )
    const redirect = await failureOf(
      callUpstream({ transport: transport(), url: new URL(redirects), method: 'GET', headers: {}, timeoutMs: 2000, service: 'test' }),
    )
    expect(redirect.details).toContain('answered with a redirect (307)')
  })
})
