/**
 * A chain registered only here (test/fixtures/testchain/) reaches the widget's
 * wallet list and links end to end in Chromium: its browser face added by the
 * page, its server face by the relay, nothing else touched.
 */
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SERVER_CHAINS } from '../../src/chains/server-registry.js'
import { nodeCrypto } from '../../src/crypto/node.js'
import { createEmulator } from '../../src/emulator/app.js'
import { createRelayApp } from '../../src/relay/app.js'
import { loadConfig } from '../../src/relay/config.js'
import { listen, type Listening } from '../../src/relay/listen.js'
import { createMemoryStore } from '../../src/relay/stores/memory.js'
import { testchainServer } from '../fixtures/testchain/server.js'
import { useBrowser } from '../support/browser.js'
import { nextLinked } from '../support/demo.js'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const browser = useBrowser(beforeAll, afterAll)
const chains = [...Object.values(SERVER_CHAINS), testchainServer]
const emulator = createEmulator({ chains, crypto: nodeCrypto })
let page: Listening
let relay: Listening

beforeAll(async () => {
  const outDir = here('../../dist/testchain-page')
  await build({
    configFile: false,
    root: here('../fixtures/testchain/page'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  })
  page = await listen(new Hono().use('/*', serveStatic({ root: outDir })).fetch, '127.0.0.1', 0)
  const { apiKey, websiteId, organizationId } = emulator.settings.snag
  const env = {
    ALLOWED_ORIGINS: page.url,
    SNAG_API_URL: 'http://snag.emulator/',
    SNAG_API_KEY: apiKey,
    SNAG_WEBSITE_ID: websiteId,
    SNAG_ORGANIZATION_ID: organizationId,
  }
  const config = loadConfig(
    env,
    chains.map((chain) => chain.spec),
  )
  const app = createRelayApp({
    config,
    chains,
    store: createMemoryStore(),
    clientIp: () => '127.0.0.1',
    fetch: emulator.fetch,
    crypto: nodeCrypto,
  })
  relay = await listen(app.fetch, '127.0.0.1', 0)
})

afterAll(async () => {
  await relay?.close()
  await page?.close()
})

describe('a chain of the page’s own', () => {
  it('is offered in the wallet list under its name, and links through the relay', async () => {
    const tab = await browser().newPage()
    await tab.goto(`${page.url}/?relay=${encodeURIComponent(relay.url)}`)
    await tab.waitForFunction(() => typeof window.testWallet === 'string')
    const address = await tab.evaluate(() => window.testWallet)
    const linked = nextLinked(tab)
    await tab.getByRole('button', { name: 'Link a wallet' }).click()
    const option = tab.locator('link-wallet [part=wallet-option]')
    await expect.poll(() => option.count()).toBe(1)
    expect(await option.textContent()).toMatch(/Test Wallet\s*Test chain/)
    await option.click()
    const { wallet } = await linked
    expect(wallet).toMatchObject({ walletType: 'testchain', walletAddress: address })
    expect(emulator.state.snapshot().users).toEqual([expect.objectContaining({ walletType: 'flow_cadence', walletAddress: address })])
    await tab.close()
  })
})
