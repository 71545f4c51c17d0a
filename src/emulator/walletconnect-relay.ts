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
 */
import { RELAY_JSONRPC } from '@walletconnect/relay-api'
import { createHash } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'

const IRN = RELAY_JSONRPC.irn!
type Message = { topic: string; message: string; publishedAt: number; tag: number; expiresAt: number; id: string; from: WebSocket }
type Request = { id: number | string; jsonrpc: '2.0'; method: string; params?: Record<string, unknown> }

export type WalletConnectRelay = Awaited<ReturnType<typeof startWalletConnectRelay>>

/** The relay on a port of its own. */
export async function startWalletConnectRelay() {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const { port } = server.address() as AddressInfo
  return { url: `ws://127.0.0.1:${port}`, ...serveRelay(server) }
}

/**
 * The relay inside another HTTP server, answering its WebSocket upgrades: give
 * `upgrade` the server's `upgrade` events for the relay's path.
 */
export function walletConnectRelayUpgrades() {
  const server = new WebSocketServer({ noServer: true })
  return {
    ...serveRelay(server),
    upgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
      server.handleUpgrade(request, socket, head, (ws) => server.emit('connection', ws, request))
    },
  }
}

function serveRelay(server: WebSocketServer) {
  /** Who listens to each topic, and under which subscription id. */
  const subscribers = new Map<string, Map<WebSocket, string>>()
  const mailbox = new Map<string, Message[]>()
  /** What each socket was already handed, so that nothing arrives twice. */
  const delivered = new WeakMap<WebSocket, Set<string>>()
  const methods: string[] = []
  let sequence = 0

  const subscriptionId = (topic: string, socket: WebSocket) =>
    createHash('sha256')
      .update(`${topic}:${(socket as unknown as { lwId: number }).lwId}`)
      .digest('hex')

  function deliver(socket: WebSocket, message: Message) {
    if (message.from === socket || message.expiresAt <= Date.now()) return
    const seen = delivered.get(socket) ?? new Set<string>()
    delivered.set(socket, seen)
    if (seen.has(message.id)) return
    seen.add(message.id)
    const id = subscribers.get(message.topic)?.get(socket)
    if (!id) return
    socket.send(
      JSON.stringify({
        id: Date.now() * 1000 + (++sequence % 1000),
        jsonrpc: '2.0',
        method: IRN.subscription,
        params: { id, data: { topic: message.topic, message: message.message, publishedAt: message.publishedAt, tag: message.tag } },
      }),
    )
  }

  function subscribe(socket: WebSocket, topic: string): string {
    const id = subscriptionId(topic, socket)
    const listeners = subscribers.get(topic) ?? new Map<WebSocket, string>()
    subscribers.set(topic, listeners)
    listeners.set(socket, id)
    for (const message of mailbox.get(topic) ?? []) deliver(socket, message)
    return id
  }

  function publish(from: WebSocket, topic: string, message: string, ttl: number, tag: number) {
    const published: Message = {
      topic,
      message,
      tag,
      publishedAt: Date.now(),
      expiresAt: Date.now() + ttl * 1000,
      id: createHash('sha256').update(message).digest('hex'),
      from,
    }
    const box = (mailbox.get(topic) ?? []).filter((m) => m.expiresAt > Date.now())
    box.push(published)
    mailbox.set(topic, box)
    for (const socket of subscribers.get(topic)?.keys() ?? []) deliver(socket, published)
  }

  function fetchMessages(socket: WebSocket, topics: string[]) {
    const seen = delivered.get(socket) ?? new Set<string>()
    delivered.set(socket, seen)
    const messages = topics.flatMap((topic) =>
      (mailbox.get(topic) ?? [])
        .filter((m) => m.from !== socket && m.expiresAt > Date.now() && !seen.has(m.id))
        .map((m) => {
          seen.add(m.id)
          return { topic: m.topic, message: m.message, publishedAt: m.publishedAt, tag: m.tag }
        }),
    )
    return { messages, hasMore: false }
  }

  function handle(socket: WebSocket, request: Request): unknown {
    const p = (request.params ?? {}) as {
      topic: string
      topics: string[]
      subscriptions: { topic: string }[]
      message: string
      messages: { topic: string; message: string; ttl: number; tag: number }[]
      ttl: number
      tag: number
      pairingTopic: string
      sessionTopic: string
      sessionProposal: string
      sessionProposalResponse: string
      sessionSettlementRequest: string
    }
    switch (request.method) {
      case IRN.subscribe:
        return subscribe(socket, p.topic)
      case IRN.batchSubscribe:
        return p.topics.map((topic) => subscribe(socket, topic))
      case IRN.unsubscribe:
        subscribers.get(p.topic)?.delete(socket)
        return true
      case IRN.batchUnsubscribe:
        for (const { topic } of p.subscriptions) subscribers.get(topic)?.delete(socket)
        return true
      case IRN.publish:
        publish(socket, p.topic, p.message, p.ttl, p.tag)
        return true
      case IRN.batchPublish:
        for (const m of p.messages) publish(socket, m.topic, m.message, m.ttl, m.tag)
        return true
      case IRN.batchFetchMessages:
        return fetchMessages(socket, p.topics)
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
        throw Object.assign(new Error(`Unsupported relay method ${request.method}`), { code: -32601 })
    }
  }

  let sockets = 0
  server.on('connection', (socket) => {
    ;(socket as unknown as { lwId: number }).lwId = ++sockets
    socket.on('message', (data) => {
      let request: Request
      try {
        request = JSON.parse(data.toString())
      } catch {
        return
      }
      if (!('method' in request) || typeof request.method !== 'string') return // an acknowledgement of our delivery
      methods.push(request.method)
      try {
        socket.send(JSON.stringify({ id: request.id, jsonrpc: '2.0', result: handle(socket, request) }))
      } catch (error) {
        const { code = -32000, message } = error as { code?: number; message: string }
        socket.send(JSON.stringify({ id: request.id, jsonrpc: '2.0', error: { code, message } }))
      }
    })
    socket.on('close', () => {
      for (const listeners of subscribers.values()) listeners.delete(socket)
    })
  })

  return {
    /** Every method the clients called, in order. */
    methods,
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
