/** Serve a Fetch-API handler on Node, resolving once the port is bound (PORT=0 picks one). */
import { serve } from '@hono/node-server'
import type { IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'

export type Listening = { url: string; port: number; close(): Promise<void> }

/** A Fetch-API handler; on Node the second argument carries the socket (for the client's address). */
export type Handler = (request: Request, env?: unknown) => Response | Promise<Response>

/** Answers a WebSocket upgrade (the hosted demo's WalletConnect relay); without one, upgrades are refused. */
export type Upgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => void

export function listen(fetch: Handler, host: string, port: number, upgrade?: Upgrade): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname: host, port }, (info: AddressInfo) => {
      const shownHost = host.includes(':') ? `[${host}]` : host
      resolve({
        url: `http://${shownHost}:${info.port}`,
        port: info.port,
        // Stop taking connections; let requests under way finish; close each kept-alive
        // connection as soon as it falls idle rather than waiting out its timeout.
        close: () =>
          new Promise<void>((done) => {
            const idle = () => (server as { closeIdleConnections?: () => void }).closeIdleConnections?.()
            const sweep = setInterval(idle, 50)
            server.close(() => {
              clearInterval(sweep)
              done()
            })
            idle()
          }),
      })
    })
    server.once('error', reject)
    if (upgrade) server.on('upgrade', upgrade)
  })
}
