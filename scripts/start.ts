/**
 * `npm start`: the demo page (Vite dev server), the relay and the Snag + Velt
 * emulator together, with nothing to configure. The page learns the relay and
 * emulator URLs from a script this plugin writes into it.
 */
import { createServer, type Plugin } from 'vite'
import { startWalletConnectRelay } from '../src/emulator/walletconnect-relay.js'
import { DEMO_WALLETCONNECT_PROJECT, demoSettingsScript, type DemoSettings } from '../src/relay/demo-site.js'
import { startRelay } from '../src/relay/server.js'

const urls: DemoSettings = {}

const injectUrls: Plugin = {
  name: 'link-wallet-demo-urls',
  transformIndexHtml: () => [{ tag: 'script', children: demoSettingsScript(urls), injectTo: 'head-prepend' }],
}

const vite = await createServer({ configFile: new URL('../vite.config.ts', import.meta.url).pathname, plugins: [injectUrls] })
await vite.listen()
const pageUrls = vite.resolvedUrls?.local ?? []
const origins = [...new Set(pageUrls.flatMap((url) => [new URL(url).origin, new URL(url).origin.replace('127.0.0.1', 'localhost')]))]

const started = await startRelay({
  env: { ...process.env, PORT: process.env.PORT ?? '8787', ALLOWED_ORIGINS: process.env.ALLOWED_ORIGINS ?? origins.join(',') },
  mode: 'emulate',
}).catch(async (error: unknown) => {
  if ((error as { code?: string }).code !== 'EADDRINUSE') throw error
  console.log('Port 8787 is busy; the relay takes a free port instead.')
  return startRelay({ env: { ...process.env, PORT: '0', ALLOWED_ORIGINS: origins.join(',') }, mode: 'emulate' })
})
urls.relay = started.relay!.url
// The emulator's WalletConnect relay, for the page's simulated phone wallet.
const walletConnect = await startWalletConnectRelay()
urls.walletConnect = { projectId: DEMO_WALLETCONNECT_PROJECT, relayUrl: walletConnect.url }
// One developer's own emulator: the page shows all it holds.
urls.state = started.emulator && `${started.emulator.url}/__emulator/state`
urls.chains = started.emulator?.url

console.log(`\n  link-wallet demo: ${pageUrls[0]}\n`)

const stop = async () => {
  await Promise.allSettled([vite.close(), started.close(), walletConnect.close()])
  process.exit(0)
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
