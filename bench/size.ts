/**
 * `npm run bench:size`: the JavaScript a page actually fetches for link-wallet and
 * for the widgets sites use today, measured the same way in one run: each built for
 * production, loaded in headless Chromium, every script response recorded and sized
 * (minified bytes as served, and gzip). link-wallet is measured at page load, after
 * opening the wallet list, and after choosing a wallet of each chain; the others at
 * page load and after opening their modal.
 *
 * The other widgets are installed only for this benchmark, each in its own folder
 * under bench/competitors/ (own package.json and lock file, as their versions of
 * wagmi differ): `npm ci` runs there the first time.
 */
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import type { Page } from 'playwright-core'
import { build } from 'vite'
import { listen } from '../src/relay/listen.js'
import { startRelay } from '../src/relay/server.js'
import { launchChromium } from '../test/support/browser.js'
import { type Competitor, COMPETITORS, install, serve } from './competitors/serve.js'
import { report } from './report.js'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const FIRST_LOAD_KB = 12
const TARGETS_KB: Record<string, number> = { firstLoad: FIRST_LOAD_KB, evm: 12, solana: 6, ton: 40, sui: 3, cosmos: 3, substrate: 3 }
/** The wallet each chain's row chooses, as SILENT_WALLETS installs it. */
const BENCH_WALLETS: readonly (readonly [string, string, { walletConnect?: boolean }?])[] = [
  ['evm', 'Bench EVM'],
  ['solana', 'Bench Solana'],
  ['ton', 'Bench TON'],
  ['sui', 'Bench Sui'],
  ['cosmos', 'Bench Cosmos'],
  ['substrate', 'Bench Substrate'],
  ['agw', 'Bench Abstract'],
  ['imx', 'Bench Passport'],
  ['ultra', 'Bench Ultra'],
  // FCL itself loads when a Flow wallet is chosen.
  ['flow_cadence', 'Bench Flow'],
  // A phone wallet by WalletConnect: the client loads only when this option is chosen.
  ['evm by WalletConnect', 'Another Ethereum & EVM wallet', { walletConnect: true }],
  ['solana by WalletConnect', 'Another Solana wallet', { walletConnect: true }],
]

type Sized = { files: number; min: number; gzip: number }
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10

/** Records every script the page fetches, sized from the file the server sent. */
function recorder(page: Page, fileOf: (url: URL) => string | undefined) {
  const seen = new Set<string>()
  page.on('response', (response) => {
    const url = new URL(response.url())
    const type = response.headers()['content-type'] ?? ''
    if (response.ok() && (type.includes('javascript') || url.pathname.endsWith('.js'))) seen.add(url.pathname)
  })
  return {
    /** The scripts fetched since the last call. */
    take(): Sized {
      let min = 0
      let gzip = 0
      const files = [...seen]
      for (const path of files) {
        const file = fileOf(new URL(path, 'http://x'))
        if (!file || !existsSync(file)) continue
        const bytes = readFileSync(file)
        min += bytes.length
        gzip += gzipSync(bytes, { level: 9 }).length
      }
      seen.clear()
      return { files: files.length, min, gzip }
    },
  }
}

/** Lets the page finish what it started: a moment for new requests to begin, then network idle. */
const settle = async (page: Page) => {
  await page.waitForTimeout(1500)
  await page.waitForLoadState('networkidle', { timeout: 8000 }).catch(() => {})
}

/**
 * Wallets of each chain that answer nothing: enough for the widget to load that
 * chain's code. A string, so that no transpiler helper leaks into the page.
 */
const SILENT_WALLETS = `
  const never = () => new Promise(() => {})
  const icon = 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg"/>'
  const evm = { request: never }
  window.addEventListener('eip6963:requestProvider', () =>
    window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: { info: { uuid: '1', name: 'Bench EVM', icon, rdns: 'bench.evm' }, provider: evm } })))
  const solana = { version: '1.0.0', name: 'Bench Solana', icon, chains: ['solana:mainnet'], accounts: [], features: { 'solana:signIn': { version: '1.0.0', signIn: never } } }
  window.addEventListener('wallet-standard:app-ready', (event) => event.detail.register(solana))
  window.dispatchEvent(new CustomEvent('wallet-standard:register-wallet', { detail: (api) => api.register(solana) }))
  window.benchTon = { tonconnect: { walletInfo: { name: 'Bench TON', image: icon }, connect: never, restoreConnection: never, listen: () => () => {}, protocolVersion: 2, isWalletBrowser: false, deviceInfo: {} } }
  const sui = { version: '1.0.0', name: 'Bench Sui', icon, chains: ['sui:mainnet'], accounts: [], features: { 'standard:connect': { version: '1.0.0', connect: never }, 'sui:signPersonalMessage': { version: '1.1.0', signPersonalMessage: never } } }
  window.addEventListener('wallet-standard:app-ready', (event) => event.detail.register(sui))
  window.dispatchEvent(new CustomEvent('wallet-standard:register-wallet', { detail: (api) => api.register(sui) }))
  window.keplr = { walletInfo: { name: 'Bench Cosmos' }, enable: never, getKey: never, signArbitrary: never }
  window.injectedWeb3 = { 'Bench Substrate': { version: '1.0.0', enable: never } }
  for (const [name, rdns] of [['Bench Abstract', 'xyz.abs.privy'], ['Bench Passport', 'com.immutable.passport']]) {
    const detail = { info: { uuid: rdns, name, icon, rdns }, provider: { request: never } }
    window.addEventListener('eip6963:requestProvider', () => window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail })))
  }
  window.ultra = { walletInfo: { name: 'Bench Ultra' }, connect: never, signMessage: never }
  window.fcl_extensions = [{ f_type: 'Service', f_vsn: '1.0.0', type: 'authn', method: 'EXT/RPC', uid: 'bench#authn', endpoint: 'ext:bench', provider: { name: 'Bench Flow' } }]
`

async function measureOurs(browser: Awaited<ReturnType<typeof launchChromium>>) {
  await build({ configFile: here('../vite.config.ts'), mode: 'lib', logLevel: 'warn' })
  const site = new Hono()
    .get('/', (c) => c.html(readFileSync(here('size/ours.html'), 'utf8')))
    .use('/lib/*', serveStatic({ root: here('../dist') }))
  const server = await listen(site.fetch, '127.0.0.1', 0)
  const relay = await startRelay({ env: { PORT: '0', ALLOWED_ORIGINS: server.url, LOG_LEVEL: 'error' }, mode: 'emulate', print: () => {} })
  const rows: Record<string, Sized> = {}
  try {
    for (const [chain, wallet, options = {}] of BENCH_WALLETS) {
      const page = await browser.newPage()
      await page.addInitScript(SILENT_WALLETS)
      const recorded = recorder(page, (url) => here(`../dist${url.pathname}`))
      await page.goto(`${server.url}/?relay=${encodeURIComponent(relay.relay!.url)}${options.walletConnect ? '&wc' : ''}`)
      await settle(page)
      rows.firstLoad = recorded.take()
      await page.getByRole('button', { name: 'Link a wallet' }).click()
      await page
        .getByRole('button', { name: new RegExp(wallet) })
        .waitFor({ timeout: 10_000 })
        .catch(async (error: unknown) => {
          const state = await page.locator('link-wallet').getAttribute('state')
          const text = await page.locator('link-wallet [part=dialog]').textContent()
          throw new Error(`the ${chain} wallet was not offered (state ${state}: ${text})`, { cause: error })
        })
      await settle(page)
      rows.open = recorded.take()
      const chunk = options.walletConnect ? /\/chunks\/walletconnect-session-/ : /\/chunks\/prove-/
      const proving = page.waitForResponse((response) => chunk.test(response.url()), { timeout: 10_000 })
      await page.getByRole('button', { name: new RegExp(wallet) }).click()
      await proving
      await settle(page)
      rows[chain] = recorded.take()
      await page.close()
    }
  } finally {
    await relay.close()
    await server.close()
  }
  return rows
}

async function measureCompetitor(browser: Awaited<ReturnType<typeof launchChromium>>, competitor: Competitor) {
  const server = await serve(competitor)
  try {
    const page = await browser.newPage()
    const recorded = recorder(page, (url) => server.file(url.pathname))
    await page.goto(`${server.url}/`)
    await settle(page)
    const firstLoad = recorded.take()
    await competitor.open(page)
    await settle(page)
    const open = recorded.take()
    await page.close()
    return { firstLoad, open }
  } finally {
    await server.close()
  }
}

// `npm run bench:size -- --ours` measures link-wallet alone (no competitor to install or build).
const competitors = process.argv.includes('--ours') ? [] : COMPETITORS
for (const competitor of competitors) install(competitor)

const browser = await launchChromium()
try {
  const ours = await measureOurs(browser)
  const theirs = []
  for (const competitor of competitors) theirs.push({ name: competitor.name, ...(await measureCompetitor(browser, competitor)) })

  const oursOpen = ours.firstLoad!.gzip + ours.open!.gzip
  const rows = [
    {
      widget: 'link-wallet',
      stage: 'page load',
      files: ours.firstLoad!.files,
      'KB min': kb(ours.firstLoad!.min),
      'KB gzip': kb(ours.firstLoad!.gzip),
      target: `≤ ${FIRST_LOAD_KB}`,
      met: kb(ours.firstLoad!.gzip) <= FIRST_LOAD_KB ? 'yes' : 'no',
    },
    {
      widget: 'link-wallet',
      stage: '+ wallet list opened',
      files: ours.open!.files,
      'KB min': kb(ours.open!.min),
      'KB gzip': kb(ours.open!.gzip),
      target: '',
      met: '',
    },
    ...BENCH_WALLETS.map(([chain]) => chain).map((chain) => ({
      widget: 'link-wallet',
      stage: `+ ${chain} wallet chosen`,
      files: ours[chain]!.files,
      'KB min': kb(ours[chain]!.min),
      'KB gzip': kb(ours[chain]!.gzip),
      target: TARGETS_KB[chain] === undefined ? '' : `≤ +${TARGETS_KB[chain]}`,
      met: TARGETS_KB[chain] === undefined ? '' : kb(ours[chain]!.gzip) <= TARGETS_KB[chain] ? 'yes' : 'no',
    })),
    ...theirs.flatMap((t) => [
      {
        widget: t.name,
        stage: 'page load',
        files: t.firstLoad.files,
        'KB min': kb(t.firstLoad.min),
        'KB gzip': kb(t.firstLoad.gzip),
        target: '',
        met: '',
      },
      {
        widget: t.name,
        stage: '+ modal opened',
        files: t.open.files,
        'KB min': kb(t.open.min),
        'KB gzip': kb(t.open.gzip),
        target: '',
        met: '',
      },
    ]),
  ]
  const ratios = theirs.map((t) => ({
    'link-wallet ÷': t.name,
    'page load': Math.round((ours.firstLoad!.gzip / t.firstLoad.gzip) * 1000) / 1000,
    'modal / wallet list open': Math.round((oursOpen / (t.firstLoad.gzip + t.open.gzip)) * 1000) / 1000,
    'with the EVM path chosen': Math.round(((oursOpen + ours.evm!.gzip) / (t.firstLoad.gzip + t.open.gzip)) * 1000) / 1000,
  }))
  await report('size', rows, { ratios })
  console.log('\nRatios (gzip; lower is lighter):')
  console.table(ratios)
} finally {
  await browser.close()
}
