/**
 * A local stand-in for a TON Connect HTTP bridge (the public ones are not reachable
 * from here), speaking the bridge protocol the TON Connect spec publishes:
 *
 * - `GET /bridge/events?client_id=<ids>[&last_event_id=<id>]`: a Server-Sent Events stream
 *   of `{ from, message }` for those clients, with heartbeats; messages sent while a client
 *   was away are delivered when it comes (after `last_event_id`);
 * - `POST /bridge/message?client_id=<from>&to=<to>&ttl=<seconds>`: the body (a base64,
 *   end-to-end encrypted message) queued for `to` until its TTL.
 *
 * It reads nothing of the messages: the page's @tonconnect/sdk and the test wallet
 * (@tonconnect/protocol's SessionCrypto) encrypt them for each other. It also serves a
 * wallets list (`/wallets-v2.json`, the format of ton-blockchain/wallets-list) naming one
 * remote wallet on this bridge, for the page's `ton-wallets-list-url`.
 */
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

type Queued = { id: number; to: string; from: string; message: string; expiresAt: number }

export type TonConnectBridge = Awaited<ReturnType<typeof startTonConnectBridge>>

export async function startTonConnectBridge() {
  const queue: Queued[] = []
  const listeners = new Map<ServerResponse, Set<string>>()
  let sequence = 0

  const send = (response: ServerResponse, item: Queued) =>
    response.write(`event: message\nid: ${item.id}\ndata: ${JSON.stringify({ from: item.from, message: item.message })}\n\n`)

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://bridge')
    response.setHeader('access-control-allow-origin', '*')
    if (request.method === 'OPTIONS') return void response.writeHead(204, { 'access-control-allow-headers': '*' }).end()
    if (request.method === 'GET' && url.pathname === '/wallets-v2.json') {
      const { port } = server.address() as AddressInfo
      const wallet = {
        app_name: 'testwallet',
        name: 'Test TON wallet',
        image: 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg"/>',
        about_url: 'https://wallet.test',
        universal_url: 'https://wallet.test/ton-connect',
        bridge: [{ type: 'sse', url: `http://127.0.0.1:${port}/bridge` }],
        platforms: ['ios', 'android'],
      }
      return void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify([wallet]))
    }
    if (request.method === 'GET' && url.pathname === '/bridge/events') {
      const clients = new Set((url.searchParams.get('client_id') ?? '').split(',').filter(Boolean))
      const after = Number(url.searchParams.get('last_event_id') ?? 0)
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' })
      response.write(': connected\n\n')
      for (const item of queue) if (clients.has(item.to) && item.id > after && item.expiresAt > Date.now()) send(response, item)
      listeners.set(response, clients)
      const heartbeat = setInterval(() => response.write('event: heartbeat\ndata: heartbeat\n\n'), 5000)
      request.on('close', () => {
        clearInterval(heartbeat)
        listeners.delete(response)
      })
      return
    }
    if (request.method === 'POST' && url.pathname === '/bridge/message') {
      let body = ''
      request.on('data', (chunk: Buffer) => (body += chunk.toString()))
      request.on('end', () => {
        const from = url.searchParams.get('client_id')
        const to = url.searchParams.get('to')
        if (!from || !to || !body) return void response.writeHead(400).end('{"message":"client_id, to and a body are required"}')
        const item = { id: ++sequence, from, to, message: body, expiresAt: Date.now() + Number(url.searchParams.get('ttl') ?? 300) * 1000 }
        queue.push(item)
        for (const [listener, clients] of listeners) if (clients.has(to)) send(listener, item)
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"message":"OK","statusCode":200}')
      })
      return
    }
    response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/bridge`,
    walletsList: `http://127.0.0.1:${port}/wallets-v2.json`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
