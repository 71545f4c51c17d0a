/**
 * A local stand-in for a TON Connect HTTP bridge (the public ones are not reachable
 * from here), speaking the bridge protocol the TON Connect spec publishes
 * (ton-blockchain/ton-connect, bridge.md):
 *
 * - `GET /bridge/events?client_id=<ids>[&last_event_id=<id>]`: a Server-Sent Events stream
 *   of `{ from, message }` for those clients, with heartbeats; messages sent while a client
 *   was away are delivered when it comes back (after `last_event_id`, or the `Last-Event-ID`
 *   header an EventSource sends when it reconnects);
 * - `POST /bridge/message?client_id=<from>&to=<to>&ttl=<seconds>`: the body (a base64,
 *   end-to-end encrypted message) queued for `to` until its TTL.
 *
 * It reads nothing of the messages: the page's @tonconnect/sdk and the wallet encrypt them
 * for each other. It also serves a wallets list (`/wallets-v2.json`, the format of
 * ton-blockchain/wallets-list) naming one wallet on this bridge, the demo's simulated
 * phone, for the page's `ton-wallets-list-url`. The emulator serves it under `/tonconnect`;
 * the hosted demo shares it with the public, so every queue and stream is bounded.
 */
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import { streamSSE, type SSEStreamingApi } from 'hono/streaming'

type Queued = { id: number; to: string; from: string; message: string; expiresAt: number }
type Listener = { stream: SSEStreamingApi; clients: ReadonlySet<string> }

/** A client id: the hex of a session's X25519 public key. */
const CLIENT_ID = /^[0-9a-f]{64}$/
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/
/** Bounds for a bridge open to anyone: what one TON Connect session needs, many times over. */
const LIMITS = {
  /** Base64 characters in one message (a connect event with its proof is about 2 KB). */
  messageChars: 8 * 1024,
  ttlSeconds: 300,
  clientsPerStream: 8,
  streams: 256,
  queued: 2_000,
  queuedPerClient: 16,
}

export type TonConnectBridge = ReturnType<typeof createTonConnectBridge>

export function createTonConnectBridge({ now = Date.now, heartbeatMs = 5_000 }: { now?: () => number; heartbeatMs?: number } = {}) {
  let queue: Queued[] = []
  const listeners = new Set<Listener>()
  let sequence = 0

  const refuse = (c: Context, status: 400 | 413 | 429, message: string) => c.json({ message, statusCode: status }, status)
  const send = (stream: SSEStreamingApi, item: Queued) =>
    stream.writeSSE({ event: 'message', id: String(item.id), data: JSON.stringify({ from: item.from, message: item.message }) })
  const live = () => (queue = queue.filter((item) => item.expiresAt > now()))

  const app = new Hono()
  // The page is on another origin under `npm start`; EventSource and fetch need CORS.
  app.use('*', cors())

  app.get('/wallets-v2.json', (c) => {
    const url = new URL(c.req.url)
    // Behind a proxy (the hosted demo), the bridge is where the page reached the list: the proxy's host and scheme.
    const forwarded = (name: string) => c.req.header(`x-forwarded-${name}`)?.split(',')[0]?.trim()
    if (forwarded('proto') === 'https') url.protocol = 'https:'
    const host = forwarded('host')
    if (host && /^[\w.-]+(:\d+)?$/.test(host)) url.host = host
    return c.json([
      {
        app_name: 'link-wallet-demo-phone',
        name: 'Simulated phone',
        image:
          'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect x="6" y="2" width="12" height="20" rx="2"/></svg>',
        about_url: new URL('/', url).href,
        universal_url: new URL('/', url).href,
        bridge: [{ type: 'sse', url: new URL('bridge', url).href }],
        platforms: ['ios', 'android'],
      },
    ])
  })

  app.get('/bridge/events', (c) => {
    const ids = (c.req.query('client_id') ?? '').split(',').filter(Boolean)
    if (ids.length === 0 || ids.length > LIMITS.clientsPerStream || !ids.every((id) => CLIENT_ID.test(id)))
      return refuse(c, 400, `client_id must be 1 to ${LIMITS.clientsPerStream} hex ids of 64 characters`)
    if (listeners.size >= LIMITS.streams) return refuse(c, 429, 'too many open streams')
    const after = Number(c.req.query('last_event_id') ?? c.req.header('last-event-id') ?? 0) || 0
    const clients = new Set(ids)
    return streamSSE(c, async (stream) => {
      const listener = { stream, clients }
      listeners.add(listener)
      stream.onAbort(() => void listeners.delete(listener))
      try {
        for (const item of live()) if (clients.has(item.to) && item.id > after) await send(stream, item)
        while (!stream.aborted && !stream.closed) {
          await stream.sleep(heartbeatMs)
          if (!stream.aborted && !stream.closed) await stream.writeSSE({ event: 'heartbeat', data: 'heartbeat' })
        }
      } catch {
        // The page went away while a write was under way: nothing to tell it.
      } finally {
        listeners.delete(listener)
      }
    })
  })

  const tooLong = (c: Context) => refuse(c, 413, `a message is at most ${LIMITS.messageChars} characters`)
  app.post('/bridge/message', bodyLimit({ maxSize: LIMITS.messageChars + 2, onError: tooLong }), async (c) => {
    const from = c.req.query('client_id') ?? ''
    const to = c.req.query('to') ?? ''
    if (!CLIENT_ID.test(from) || !CLIENT_ID.test(to)) return refuse(c, 400, 'client_id and to must be hex ids of 64 characters')
    const ttl = Number(c.req.query('ttl') ?? LIMITS.ttlSeconds)
    if (!Number.isInteger(ttl) || ttl < 1 || ttl > LIMITS.ttlSeconds)
      return refuse(c, 400, `ttl must be a whole number of seconds from 1 to ${LIMITS.ttlSeconds}`)
    const message = (await c.req.text()).trim()
    if (message.length > LIMITS.messageChars) return tooLong(c)
    if (!BASE64.test(message)) return refuse(c, 400, 'the body must be the base64 of an encrypted message')
    const queued = live()
    if (queued.length >= LIMITS.queued || queued.filter((item) => item.to === to).length >= LIMITS.queuedPerClient)
      return refuse(c, 429, 'too many messages waiting; try again later')
    const item = { id: ++sequence, from, to, message, expiresAt: now() + ttl * 1000 }
    queue.push(item)
    for (const listener of listeners) if (listener.clients.has(to)) send(listener.stream, item).catch(() => {})
    return c.json({ message: 'OK', statusCode: 200 })
  })

  return {
    app,
    /** Ends every open stream (at shutdown: a server waits for its open responses). */
    close() {
      for (const { stream } of listeners) void stream.close().catch(() => {})
      listeners.clear()
    },
  }
}
