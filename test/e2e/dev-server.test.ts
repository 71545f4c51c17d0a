/**
 * `npm start`'s page as a developer sees it: the Vite dev server over the demo's
 * sources, the relay and emulator as `npm start` starts them. The console stays
 * quiet (no Lit dev-mode warning), the page's icon is there, and so is the README page.
 */
import type { ViteDevServer } from 'vite'
import { createServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useBrowser } from '../support/browser.js'
import { linkThroughDialog } from '../support/demo.js'
import { startBin, urlIn, type Running } from '../support/processes.js'

const browser = useBrowser(beforeAll, afterAll)
let vite: ViteDevServer
let relay: Running

beforeAll(async () => {
  vite = await createServer({
    configFile: new URL('../../vite.config.ts', import.meta.url).pathname,
    logLevel: 'silent',
    server: { port: 0, host: '127.0.0.1' },
  })
  await vite.listen()
  relay = await startBin(['--emulate'], { PORT: '0', LOG_LEVEL: 'warn', ALLOWED_ORIGINS: new URL(vite.resolvedUrls!.local[0]!).origin }, 2)
})
afterAll(async () => {
  await relay?.stop()
  await vite?.close()
})

describe('the demo on the dev server', () => {
  it('links a wallet without a Lit dev-mode warning, and serves its icon', async () => {
    const origin = new URL(vite.resolvedUrls!.local[0]!).origin
    const page = await browser().newPage()
    const warnings: string[] = []
    page.on('console', (message) => {
      if (/dev mode/i.test(message.text())) warnings.push(message.text())
    })
    const params = new URLSearchParams({ relay: urlIn(relay.lines[0]), emulator: urlIn(relay.lines[1]), chains: 'evm' })
    await page.goto(`${origin}/?${params}`)
    await page.waitForFunction(() => 'demoWallets' in window, undefined, { timeout: 60_000 })
    await linkThroughDialog(page, /Demo EVM Wallet/, [/^Connect Demo EVM/, /^Sign this message/])
    expect(warnings).toEqual([])
    expect((await fetch(`${origin}/favicon.ico`)).headers.get('content-type')).toMatch(/icon/)
    await page.close()
  }, 90_000)

  it('serves the README as a page, with its screenshots', async () => {
    const origin = new URL(vite.resolvedUrls!.local[0]!).origin
    const html = await (await fetch(`${origin}/readme.html`)).text()
    expect(html).toContain('<h1>link-wallet</h1>')
    const screenshot = html.match(/<img src="(\/screenshots\/[\w-]+\.png)"/)?.[1]
    expect(screenshot).toBeDefined()
    const image = await fetch(`${origin}${screenshot}`)
    expect([image.status, image.headers.get('content-type')]).toEqual([200, 'image/png'])
    expect((await fetch(`${origin}/screenshots/..%2Fpackage.json`)).headers.get('content-type')).not.toBe('image/png')
  })
})
