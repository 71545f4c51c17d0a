/**
 * `link-wallet-relay/deno`: the relay on Deno, configured by the same environment
 * variables as the binary. `deno run -A node_modules/link-wallet-relay/dist/relay/runtimes/deno.js`
 * runs it; `serveOnDeno()` starts it from code.
 */
import { relayFromEnv } from './serve.js'

type ServeInfo = { remoteAddr: { hostname: string } }
type DenoServer = { addr: { hostname: string; port: number }; shutdown(): Promise<void> }
declare const Deno: {
  env: { toObject(): Record<string, string> }
  serve(
    options: { port: number; hostname: string; onListen?(addr: { hostname: string; port: number }): void },
    handler: (request: Request, info: ServeInfo) => Response | Promise<Response>,
  ): DenoServer
}

export function serveOnDeno(env: Record<string, string | undefined> = Deno.env.toObject()) {
  const relay = relayFromEnv(env, (c) => (c.env as ServeInfo).remoteAddr.hostname)
  let handle: (request: Request, info: ServeInfo) => Response | Promise<Response> = () => new Response('starting', { status: 503 })
  const server = Deno.serve({ port: relay.port, hostname: relay.host, onListen() {} }, (request, info) => handle(request, info))
  const url = `http://${server.addr.hostname}:${server.addr.port}`
  const { app, store } = relay.build(url)
  handle = (request, info) => app.fetch(request, info)
  console.log(`link-wallet relay listening on ${url}`)
  return {
    url,
    async close() {
      await server.shutdown()
      await store.close()
    },
  }
}

if ((import.meta as { main?: boolean }).main) serveOnDeno()
