/** `link-wallet-relay --emulate --demo`: the page, the relay and the emulator from one process and one port. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useBrowser } from '../support/browser.js'
import { EVM_PROMPTS, linkThroughDialog, nextLinked } from '../support/demo.js'
import { startBin, urlIn, type Running } from '../support/processes.js'
import { flowAccountKey } from '../../src/chains/flow_cadence/spec.js'

const browser = useBrowser(beforeAll, afterAll)
let demo: Running

beforeAll(async () => {
  demo = await startBin(['--emulate', '--demo'], { PORT: '0', LOG_LEVEL: 'warn' }, 3)
})
afterAll(async () => {
  await demo?.stop()
})

/** A visitor opens the demo and links its demo EVM wallet. */
async function visitAndLink(origin: string) {
  const page = await browser().newPage()
  await page.goto(`${origin}/`)
  await page.waitForFunction(() => 'demoWallets' in window)
  const address = await page.evaluate(() => window.demoWallets.evm)
  const { wallet } = await linkThroughDialog(page, /Demo EVM Wallet/, EVM_PROMPTS)
  expect(wallet.walletAddress).toBe(address)
  return { page, address }
}

describe('the hosted demo', () => {
  it('serves the page, the relay and the emulator on one port, and links end to end', async () => {
    const origin = urlIn(demo.lines[0])
    expect(demo.lines[1]).toBe(`snag emulator listening on ${origin}/__snag`)
    expect(demo.lines[2]).toBe(`link-wallet demo at ${origin}/`)

    const { page, address } = await visitAndLink(origin)
    await expect.poll(() => page.locator('#emulator-state').textContent(), { timeout: 10_000 }).toContain(address)
    expect((await fetch(`${origin}/__snag/__emulator/faults`, { method: 'POST', body: '{}' })).status).toBe(404)
    expect((await fetch(`${origin}/favicon.ico`)).status).toBe(200)

    // Another visitor sees their own account only: not the first visitor's wallet, and not the whole emulator.
    const { page: other, address: otherAddress } = await visitAndLink(origin)
    await expect.poll(() => other.locator('#emulator-state').textContent(), { timeout: 10_000 }).toContain(otherAddress)
    expect(await other.locator('#emulator-state').textContent()).not.toContain(address)
    expect((await fetch(`${origin}/__snag/__emulator/state`)).status).toBe(404)
    expect(await (await fetch(`${origin}/__demo/account-state`)).json()).toEqual({ users: [], groups: [], metadata: {}, velt: {} })
    await other.close()
    await page.close()
  })

  it('links to the README, a page of the demo with its screenshots, on the same port', async () => {
    const origin = urlIn(demo.lines[0])
    const page = await browser().newPage()
    await page.goto(`${origin}/`)
    await page.getByRole('link', { name: /README/ }).click()
    await page.waitForURL(`${origin}/readme.html`)
    expect(await page.locator('article.readme h1').first().textContent()).toBe('link-wallet')
    expect(await page.locator('article.readme pre', { hasText: 'npm test' }).count()).toBeGreaterThan(0)
    const images = page.locator('article.readme img')
    expect(await images.count()).toBeGreaterThan(4)
    // They load as they come into view.
    for (let i = 0; i < (await images.count()); i++) await images.nth(i).scrollIntoViewIfNeeded()
    await expect
      .poll(() =>
        images.evaluateAll(
          (all) => all.filter((img) => !(img as HTMLImageElement).complete || !(img as HTMLImageElement).naturalWidth).length,
        ),
      )
      .toBe(0)
    // A file of the repository the demo does not serve is named, not linked.
    expect(await page.locator('article.readme a[href^="examples/"]').count()).toBe(0)
    await page.getByRole('link', { name: /Back to the demo/ }).click()
    await page.waitForFunction(() => 'demoWallets' in window)
    await page.close()
  })

  it('links phone wallets without a phone: the page’s simulated phone pairs by WalletConnect and answers TON Connect through the demo’s own relay and bridge', async () => {
    const origin = urlIn(demo.lines[0])
    const page = await browser().newPage()
    const elsewhere: string[] = []
    page.on('request', (request) => void (request.url().startsWith(origin) || elsewhere.push(request.url())))
    await page.goto(`${origin}/?wallets=none`)
    await page.waitForFunction(() => 'demoWallets' in window)
    let linked = nextLinked(page)
    await page.getByLabel('Let the simulated phone scan QR codes').check()
    await page.getByRole('button', { name: 'Link a wallet' }).click()
    await page.getByRole('button', { name: /Another Ethereum & EVM wallet/ }).click()
    expect((await linked).wallet.walletType).toBe('evm')
    await expect.poll(() => page.locator('#phone-log').textContent()).toContain('Signed in while connecting (one prompt)')
    await page.getByRole('button', { name: 'Done' }).click()

    linked = nextLinked(page)
    await page.getByRole('button', { name: 'Link another wallet' }).click()
    await page.getByRole('button', { name: /Another TON wallet/ }).click()
    const { wallet, wallets } = await linked
    expect(wallet.walletType).toBe('ton')
    expect(wallets.map((each) => each.walletType).sort()).toEqual(['evm', 'ton'])
    const host = new URL(origin).host
    await expect.poll(() => page.locator('#phone-log').textContent()).toContain(`over TON Connect: approved, with a ton_proof for ${host}`)
    // TON Connect's wallets list and bridges are the demo's own; only WalletConnect's SDK asks its hosts.
    expect(elsewhere.filter((url) => !new URL(url).hostname.endsWith('walletconnect.org'))).toEqual([])
    await page.close()
  }, 60_000)

  it('links Ultra and Flow accounts, which the demo’s stand-in chains hold, and refuses to give another visitor’s account other keys', async () => {
    const origin = urlIn(demo.lines[0])
    const page = await browser().newPage()
    await page.goto(`${origin}/`)
    await page.waitForFunction(() => 'demoWallets' in window)
    const { ultra, flow } = await page.evaluate(() => window.demoWallets)
    const sign = /^Sign this message/
    expect((await linkThroughDialog(page, /Demo Ultra Wallet/, [/^Connect Demo Ultra Wallet/, sign])).wallet).toMatchObject({
      walletType: 'ultra',
      walletAddress: ultra,
    })
    expect((await linkThroughDialog(page, /Demo Flow Wallet/, [/^Connect Demo Flow Wallet/, sign])).wallet).toMatchObject({
      walletType: 'flow_cadence',
      walletAddress: flow,
    })
    // The accounts exist now: nobody re-creates them with keys of their own.
    const takeover = await fetch(`${origin}/__snag/flow/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        address: flow,
        keys: [flowAccountKey('11'.repeat(64))],
      }),
    })
    expect(takeover.status).toBe(409)
    await page.close()
  }, 60_000)
})

describe('the hosted demo on every address (HOST=0.0.0.0, no PUBLIC_URL)', () => {
  it('prints the address to open and links from localhost and from 127.0.0.1, both secure contexts', async () => {
    const everywhere = await startBin(['--emulate', '--demo'], { PORT: '0', HOST: '0.0.0.0', LOG_LEVEL: 'warn' }, 4)
    try {
      const port = new URL(urlIn(everywhere.lines[0])).port
      expect(everywhere.lines[2]).toBe(`link-wallet demo at http://localhost:${port}/`)
      expect(everywhere.lines[3]).toContain(`http://127.0.0.1:${port}/`)
      for (const origin of [`http://localhost:${port}`, `http://127.0.0.1:${port}`]) {
        const { page } = await visitAndLink(origin)
        expect(await page.evaluate(() => window.isSecureContext)).toBe(true)
        await page.close()
      }
    } finally {
      await everywhere.stop()
    }
  }, 60_000)
})
