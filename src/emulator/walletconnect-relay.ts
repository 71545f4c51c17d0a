/**
 * The emulator's WalletConnect relay: a local stand-in for Reown's relay (the real
 * one is not reachable from here, and the hosted demo pairs its simulated phone
 * wallet through this one), speaking the relay's published JSON-RPC over WebSocket so that the
 * official clients — @walletconnect/sign-client in the page, @reown/walletkit in
 * Node — talk to each other through it unchanged:
 *
 * - `irn_subscribe` / `irn_batchSubscribe` / `irn_unsubscribe` / `irn_batchUnsubscribe`,
 * - `irn_publish` / `irn_batchPublish`, delivered to the topic's other subscribers as
 *   `irn_subscription` requests (which they acknowledge), and kept as the topic's
 *   mailbox until their TTL so that a subscriber that comes later still gets them,
 * - `irn_batchFetchMessages` (the mailbox, read), and
 * - the composite `wc_proposeSession` (publish the proposal on the pairing topic, tag 1100,
 *   and subscribe the proposer to it) and `wc_approveSession` (the proposal response on the
 *   pairing topic, tag 1101, the settlement request on the new session topic, tag 1102, and
 *   subscribe the approver to that topic).
 *
 * Messages are end-to-end encrypted by the clients; the relay only routes them. It checks
 * no auth JWT (the real relay does) and it can be told to drop every socket, to test the
 * clients' reconnects. Method names and shapes are typed by @walletconnect/relay-api.
 *
 * The hosted demo serves it to anyone, so it is bounded (`LIMITS`): the real relay's size
 * limit per message and batch sizes, topics of 64 hex characters, and a mailbox that keeps a
 * message at most 5 minutes (the TTL of the session proposal and settlement, which is all a
 * late subscriber needs here), so many per topic and in all, and so many open sockets.
 */
import { RELAY_JSONRPC } from '@walletconnect/relay-api'
import { createHash } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'

const IRN = RELAY_JSONRPC.irn!
type Message = {
  topic: string
  message: string
  publishedAt: number
  tag: number
  expiresAt: number
  id: string
  from: WebSocket
  /** The sockets it was handed to: nothing arrives twice. */
  deliveredTo: WeakSet<WebSocket>
}
type Request = { id: number | string; jsonrpc: '2.0'; method: string; params?: Record<string, unknown> }

const TOPIC = /^[0-9a-f]{64}$/
export const LIMITS = {
  /** Characters in one message: the largest of the real relay's limits per tag. */
  messageChars: 98_304,
  /** Bytes in one WebSocket frame (a batch of messages): the socket closes past it. */
  frameBytes: 256 * 1024,
  /** Topics (or messages) in one batch request, as the real relay allows. */
  batch: 500,
  mailboxSeconds: 300,
  mailboxPerTopic: 32,
  mailbox: 2_000,
  /** Characters of messages kept in all (8 MiB). */
  mailboxChars: 8 * 1024 * 1024,
  subscriptionsPerSocket: 64,
  sockets: 256,
}

/** A refusal the client is told as a JSON-RPC error. */
class RelayRefusal extends Error {
  constructor(
    message: string,
    readonly code = -32602,
  ) {
    super(message)
  }
}

export type WalletConnectRelay = Awaited<ReturnType<typeof startWalletConnectRelay>>
type Options = { now?: () => number }

/** The relay on a port of its own. */
export async function startWalletConnectRelay(options: Options = {}) {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: LIMITS.frameBytes })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const { port } = server.address() as AddressInfo
  return { url: `ws://127.0.0.1:${port}`, ...serveRelay(server, options) }
}

/**
 * The relay inside another HTTP server, answering its WebSocket upgrades: give
 * `upgrade` the server's `upgrade` events for the relay's path.
 */
export function walletConnectRelayUpgrades(options: Options = {}) {
  const server = new WebSocketServer({ noServer: true, maxPayload: LIMITS.frameBytes })
  return {
    ...serveRelay(server, options),
    upgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
      server.handleUpgrade(request, socket, head, (ws) => server.emit('connection', ws, request))
    },
  }
}

function serveRelay(server: WebSocketServer, { now = Date.now }: Options) {
  /** Who listens to each topic, and under which subscription id. */
  const subscribers = new Map<string, Map<WebSocket, string>>()
  const mailbox = new Map<string, Message[]>()
  /** The topics each socket listens to. */
  const subscriptions = new WeakMap<WebSocket, Set<string>>()
  let sequence = 0
  let sockets = 0

  const subscriptionId = (topic: string, socket: WebSocket) =>
    createHash('sha256')
      .update(`${topic}:${(socket as unknown as { lwId: number }).lwId}`)
      .digest('hex')

  const topicOf = (value: unknown): string => {
    if (typeof value !== 'string' || !TOPIC.test(value)) throw new RelayRefusal('Invalid topic: 64 hex characters expected')
    return value
  }
  const batchOf = <T>(value: unknown): T[] => {
    if (!Array.isArray(value) || value.length > LIMITS.batch) throw new RelayRefusal(`Invalid batch: 0 to ${LIMITS.batch} items expected`)
    return value as T[]
  }

  /** Drops what expired, and topics left empty (at most `LIMITS.mailbox` messages to look at). */
  function prune() {
    const time = now()
    for (const [topic, box] of mailbox) {
      const live = box.filter((m) => m.expiresAt > time)
      if (live.length) mailbox.set(topic, live)
      else mailbox.delete(topic)
    }
  }
  /** The messages kept, and their characters (at most `LIMITS.mailbox` to count). */
  const kept = () => {
    const all = [...mailbox.values()].flat()
    return { count: all.length, chars: all.reduce((sum, m) => sum + m.message.length, 0) }
  }

  function deliver(socket: WebSocket, message: Message) {
    if (message.from === socket || message.expiresAt <= now() || message.deliveredTo.has(socket)) return
    const id = subscribers.get(message.topic)?.get(socket)
    if (!id) return
    message.deliveredTo.add(socket)
    socket.send(
      JSON.stringify({
        id: now() * 1000 + (++sequence % 1000),
        jsonrpc: '2.0',
        method: IRN.subscription,
        params: { id, data: { topic: message.topic, message: message.message, publishedAt: message.publishedAt, tag: message.tag } },
      }),
    )
  }

  function subscribe(socket: WebSocket, value: unknown): string {
    const topic = topicOf(value)
    const mine = subscriptions.get(socket) ?? new Set<string>()
    if (!mine.has(topic) && mine.size >= LIMITS.subscriptionsPerSocket)
      throw new RelayRefusal(`Too many subscriptions: at most ${LIMITS.subscriptionsPerSocket} per connection`, -32000)
    mine.add(topic)
    subscriptions.set(socket, mine)
    const id = subscriptionId(topic, socket)
    const listeners = subscribers.get(topic) ?? new Map<WebSocket, string>()
    subscribers.set(topic, listeners)
    listeners.set(socket, id)
    for (const message of mailbox.get(topic) ?? []) deliver(socket, message)
    return id
  }

  function unsubscribe(socket: WebSocket, topic: unknown) {
    if (typeof topic !== 'string') return
    subscriptions.get(socket)?.delete(topic)
    const listeners = subscribers.get(topic)
    listeners?.delete(socket)
    if (listeners?.size === 0) subscribers.delete(topic)
  }

  function publish(from: WebSocket, value: unknown, message: unknown, ttl: unknown, tag: unknown) {
    const topic = topicOf(value)
    if (typeof message !== 'string' || message.length === 0) throw new RelayRefusal('Invalid message: a string expected')
    if (typeof ttl !== 'number' || !Number.isFinite(ttl) || ttl <= 0) throw new RelayRefusal('Invalid ttl: seconds expected')
    if (!Number.isInteger(tag)) throw new RelayRefusal('Invalid tag: an integer expected')
    if (message.length > LIMITS.messageChars)
      throw new RelayRefusal(`Payload size limit exceeded. Maximum size for tag ${tag} is ${LIMITS.messageChars}`)
    prune()
    const box = mailbox.get(topic) ?? []
    // The same message again (a client's retry) is the one already kept, even when the mailbox is full.
    const id = createHash('sha256').update(message).digest('hex')
    if (box.some((m) => m.id === id)) return
    const total = kept()
    if (box.length >= LIMITS.mailboxPerTopic || total.count >= LIMITS.mailbox || total.chars + message.length > LIMITS.mailboxChars)
      throw new RelayRefusal('Too many messages waiting: try again later', -32000)
    const published: Message = {
      topic,
      message,
      tag: tag as number,
      publishedAt: now(),
      expiresAt: now() + Math.min(ttl, LIMITS.mailboxSeconds) * 1000,
      id,
      from,
      deliveredTo: new WeakSet(),
    }
    box.push(published)
    mailbox.set(topic, box)
    for (const socket of subscribers.get(topic)?.keys() ?? []) deliver(socket, published)
  }

  function fetchMessages(socket: WebSocket, topics: unknown[]) {
    const time = now()
    const messages = topics.map(topicOf).flatMap((topic) =>
      (mailbox.get(topic) ?? [])
        .filter((m) => m.from !== socket && m.expiresAt > time && !m.deliveredTo.has(socket))
        .map((m) => {
          m.deliveredTo.add(socket)
          return { topic: m.topic, message: m.message, publishedAt: m.publishedAt, tag: m.tag }
        }),
    )
    return { messages, hasMore: false }
  }

  function handle(socket: WebSocket, request: Request): unknown {
    const p = (request.params ?? {}) as Record<string, unknown>
    switch (request.method) {
      case IRN.subscribe:
        return subscribe(socket, p.topic)
      case IRN.batchSubscribe:
        return batchOf(p.topics).map((topic) => subscribe(socket, topic))
      case IRN.unsubscribe:
        unsubscribe(socket, p.topic)
        return true
      case IRN.batchUnsubscribe:
        for (const subscription of batchOf<{ topic?: unknown } | null>(p.subscriptions)) unsubscribe(socket, subscription?.topic)
        return true
      case IRN.publish:
        publish(socket, p.topic, p.message, p.ttl, p.tag)
        return true
      case IRN.batchPublish:
        for (const m of batchOf<Record<string, unknown> | null>(p.messages)) publish(socket, m?.topic, m?.message, m?.ttl, m?.tag)
        return true
      case IRN.batchFetchMessages:
        return fetchMessages(socket, batchOf(p.topics))
      case 'wc_proposeSession':
        subscribe(socket, p.pairingTopic)
        publish(socket, p.pairingTopic, p.sessionProposal, p.ttl ?? 300, 1100)
        return true
      case 'wc_approveSession':
        subscribe(socket, p.sessionTopic)
        publish(socket, p.pairingTopic, p.sessionProposalResponse, p.ttl ?? 300, 1101)
        publish(socket, p.sessionTopic, p.sessionSettlementRequest, p.ttl ?? 300, 1102)
        return true
      default:
        throw new RelayRefusal(`Unsupported relay method ${request.method}`, -32601)
    }
  }

  server.on('connection', (socket) => {
    if (server.clients.size > LIMITS.sockets) {
      socket.close(1013, 'Too many connections: try again later')
      return
    }
    ;(socket as unknown as { lwId: number }).lwId = ++sockets
    socket.on('message', (data) => {
      let request: Request
      try {
        request = JSON.parse(data.toString())
      } catch {
        return
      }
      if (!request || typeof request !== 'object' || typeof request.method !== 'string') return // an acknowledgement of our delivery
      try {
        socket.send(JSON.stringify({ id: request.id, jsonrpc: '2.0', result: handle(socket, request) }))
      } catch (error) {
        const { code, message } = error instanceof RelayRefusal ? error : { code: -32603, message: 'Internal error' }
        socket.send(JSON.stringify({ id: request.id, jsonrpc: '2.0', error: { code, message } }))
      }
    })
    socket.on('close', () => {
      for (const topic of subscriptions.get(socket) ?? []) unsubscribe(socket, topic)
    })
  })

  return {
    /** What the relay holds now: topics listened to, topics with mail, messages kept and their characters, open sockets. */
    sizes: () => ({ subscribed: subscribers.size, topics: mailbox.size, ...kept(), sockets: server.clients.size }),
    /** Drops every connection, as a relay restart or a network change does. */
    dropSockets() {
      for (const socket of server.clients) socket.terminate()
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of server.clients) socket.terminate()
        server.close(() => resolve())
      }),
  }
}
