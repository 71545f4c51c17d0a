/**
 * `link-wallet-relay/bun`: the relay on Bun, configured by the same environment
 * variables as the binary. `bun node_modules/link-wallet-relay/dist/relay/runtimes/bun.js`
 * runs it; `serveOnBun()` starts it from code.
 */
import { relayFromEnv } from './serve.js'

type BunServer = { port: number; hostname: string; requestIP(request: Request): { address: string } | null; stop(): void }
declare const Bun: {
  env: Record<string, string | undefined>
  serve(options: { port: number; hostname: string; fetch(request: Request, server: BunServer): Response | Promise<Response> }): BunServer
}

export function serveOnBun(env: Record<string, string | undefined> = Bun.env) {
  const relay = relayFromEnv(env, (c) => (c.env as { server: BunServer }).server.requestIP(c.req.raw)?.address)
  let handle: (request: Request, server: BunServer) => Response | Promise<Response> = () => new Response('starting', { status: 503 })
  const server = Bun.serve({ port: relay.port, hostname: relay.host, fetch: (request, server) => handle(request, server) })
  const url = `http://${server.hostname}:${server.port}`
  const { app, store } = relay.build(url)
  handle = (request, server) => app.fetch(request, { server })
  console.log(`link-wallet relay listening on ${url}`)
  return {
    url,
    async close() {
      server.stop()
      await store.close()
    },
  }
}

if ((import.meta as { main?: boolean }).main) serveOnBun()
