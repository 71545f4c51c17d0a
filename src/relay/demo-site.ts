/**
 * The hosted demo (`--emulate --demo`): one Node process, one port, serving the
 * built demo page at `/`, the emulator under `/__snag/`, each visitor's own
 * account as the emulator holds it, and the relay's own routes. Nothing here runs
 * unless asked for.
 */
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Emulator } from '../emulator/app.js'
import type { WalletsResponse } from '../protocol/relay.js'

export const DEMO_DIR = fileURLToPath(new URL('../../dist/demo/', import.meta.url))
export const EMULATOR_PREFIX = '/__snag'

export class DemoNotBuiltError extends Error {
  override name = 'DemoNotBuiltError'
  constructor() {
    super(`The demo is not built: run "npm run build" first (looked in ${DEMO_DIR}).`)
  }
}

/**
 * Where the demo page finds its relay, what the emulated Snag holds (`state`: a URL the
 * page asks with its session), and the WalletConnect relay its simulated phone pairs through.
 */
export type DemoSettings = {
  relay?: string | undefined
  state?: string | undefined
  walletConnect?: { projectId: string; relayUrl: string } | undefined
  /** Where the emulator's chain stand-ins answer, absolute or from the page's origin (the demo's Ultra and Flow wallets create their accounts there). */
  chains?: string | undefined
}

/** Where the hosted demo answers WalletConnect's WebSocket, and the project id its page uses (the emulator checks none). */
export const WALLETCONNECT_PATH = '/__walletconnect'
export const DEMO_WALLETCONNECT_PROJECT = 'link-wallet-hosted-demo'

/** The script that tells the demo page its settings (read by demo/main.ts). */
export function demoSettingsScript(settings: DemoSettings): string {
  return `window.__LINK_WALLET_DEMO__ = ${JSON.stringify(settings).replaceAll('<', '\\u003c')}`
}

export const ACCOUNT_STATE_PATH = '/__demo/account-state'

/**
 * The demo page and its assets, and what the emulated Snag holds for the visitor's
 * own account: the relay, asked with the visitor's session, says which wallets
 * that is. Nobody sees another visitor's wallets.
 */
export function demoSite({
  emulator,
  relay,
  origin,
}: {
  emulator: Emulator
  relay: { request(path: string, init: RequestInit, env?: unknown): Response | Promise<Response> }
  origin: string
}) {
  const indexFile = `${DEMO_DIR}index.html`
  if (!existsSync(indexFile)) throw new DemoNotBuiltError()
  const walletConnect = { projectId: DEMO_WALLETCONNECT_PROJECT, relayUrl: `${origin.replace(/^http/, 'ws')}${WALLETCONNECT_PATH}` }
  const index = readFileSync(indexFile, 'utf8').replace(
    '<head>',
    `<head><script>${demoSettingsScript({ state: ACCOUNT_STATE_PATH, walletConnect, chains: EMULATOR_PREFIX })}</script>`,
  )
  return new Hono()
    .get('/', (c) => c.html(index))
    .get('/index.html', (c) => c.html(index))
    .use('/assets/*', serveStatic({ root: DEMO_DIR }))
    .use('/readme.html', serveStatic({ root: DEMO_DIR }))
    .use('/screenshots/*', serveStatic({ root: DEMO_DIR }))
    .use('/favicon.ico', serveStatic({ root: DEMO_DIR }))
    .use('/icon.png', serveStatic({ root: DEMO_DIR }))
    .get(ACCOUNT_STATE_PATH, async (c) => {
      const authorization = c.req.header('authorization')
      if (!authorization) return c.json(emulator.state.snapshot(new Set()))
      // With the visitor's connection (c.env), so that the relay counts this against their address.
      const answer = await relay.request('/v1/wallets', { headers: { authorization, origin } }, c.env)
      if (!answer.ok) return c.newResponse(answer.body, answer)
      const { wallets } = (await answer.json()) as WalletsResponse
      return c.json(emulator.state.snapshot(new Set(wallets.map((wallet) => wallet.userId))))
    })
}
