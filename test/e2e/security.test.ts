/**
 * Security review, the widget's findings, in Chromium: a refused site hears why,
 * a session stays with its host user and is forgotten once refused, every session
 * of an account can be ended, and a wallet cannot stretch the dialog with its name.
 */
import { sign } from 'hono/jwt'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { useBrowser } from '../support/browser.js'
import { EVM_PROMPTS, linkThroughDialog, openDemo } from '../support/demo.js'

const stack = inject('stack')
const browser = useBrowser(beforeAll, afterAll)

const tokenFor = (sub: string) => sign({ sub, exp: Math.floor(Date.now() / 1000) + 600 }, stack.hostTokenSecret, 'HS256')
const walletItems = (page: Page) => page.locator('link-wallet [part=wallet]')
const storedSessions = (page: Page) =>
  page.evaluate(() =>
    Object.keys(sessionStorage)
      .filter((key) => key.startsWith('link-wallet:session:'))
      .map((key) => [key, sessionStorage.getItem(key)!] as const),
  )

const linkEvm = (page: Page) => linkThroughDialog(page, /Demo EVM Wallet/, EVM_PROMPTS)

describe('the widget under attack', () => {
  it('tells a site the relay does not allow that it is not allowed, and fires lw-error origin_not_allowed', async () => {
    const page = await browser().newPage()
    // The same page from another origin (localhost instead of 127.0.0.1): the relay does not allow it.
    const elsewhere = stack.demo.replace('127.0.0.1', 'localhost')
    await page.goto(`${elsewhere}/?${new URLSearchParams({ relay: stack.relay, emulator: stack.emulator })}`)
    await page.waitForFunction(() => customElements.get('link-wallet') !== undefined)
    const code = page.evaluate(
      () => new Promise<string>((resolve) => document.addEventListener('lw-error', (e) => resolve(e.code), { once: true })),
    )
    await page.getByRole('button', { name: 'Link a wallet' }).click()
    expect(await code).toBe('origin_not_allowed')
    await expect.poll(() => page.locator('link-wallet [part=error]').textContent()).toBe('This site is not allowed to link wallets.')
    await page.close()
  })

  it('keeps one session per host user, and forgets one the relay refuses to another user', async () => {
    const page = await openDemo(browser(), stack, { userToken: await tokenFor(`alice-${crypto.randomUUID()}`) })
    await linkEvm(page)
    await expect.poll(() => walletItems(page).count()).toBe(1)
    const [aliceKey, aliceSession] = (await storedSessions(page))[0]!

    // Another user of the site signs in on the same tab: alice's session is not theirs.
    const bob = `bob-${crypto.randomUUID()}`
    const bobToken = await tokenFor(bob)
    await page.evaluate((token) => document.querySelector('link-wallet')!.setAttribute('user-token', token), bobToken)
    await expect.poll(() => walletItems(page).count()).toBe(0)

    // Even if bob's slot held alice's session, the relay refuses it and the widget forgets it.
    const bobKey = aliceKey.replace(/:[^:]*$/, `:${bob}`)
    await page.evaluate(([key, value]) => sessionStorage.setItem(key, value), [bobKey, aliceSession] as const)
    await page.addInitScript(() => {
      const seen: string[] = []
      ;(window as unknown as { lwErrors: string[] }).lwErrors = seen
      document.addEventListener('lw-error', (e) => seen.push(e.code))
    })
    await page.goto(`${stack.demo}/?${new URLSearchParams({ relay: stack.relay, emulator: stack.emulator, userToken: bobToken })}`)
    await expect.poll(() => page.evaluate(() => (window as unknown as { lwErrors: string[] }).lwErrors)).toContain('forbidden')
    await expect.poll(async () => (await storedSessions(page)).map(([key]) => key)).toEqual([aliceKey])
    expect(await walletItems(page).count()).toBe(0)
    await page.close()
  })

  it('signs out everywhere: every session of the account ends', async () => {
    const page = await openDemo(browser(), stack)
    await linkEvm(page)
    const [, session] = (await storedSessions(page))[0]!
    const wallets = (token: string) =>
      fetch(`${stack.relay}/v1/wallets`, { headers: { origin: stack.demo, authorization: `Bearer ${token}` } })
    expect((await wallets(session!)).status).toBe(200)
    await page.getByRole('button', { name: 'Sign out everywhere' }).click()
    await expect.poll(() => walletItems(page).count()).toBe(0)
    expect(await storedSessions(page)).toEqual([])
    expect((await wallets(session!)).status).toBe(401)
    await page.close()
  })

  it('holds a wallet’s 100,000-character name to the dialog, ending it with an ellipsis', async () => {
    const page = await browser().newPage({ viewport: { width: 360, height: 740 } })
    await page.addInitScript(() => {
      const provider = { request: async () => [] as unknown[] }
      const announce = () =>
        window.dispatchEvent(
          new CustomEvent('eip6963:announceProvider', {
            detail: Object.freeze({
              info: {
                uuid: crypto.randomUUID(),
                name: 'W'.repeat(100_000),
                icon: `javascript:${'x'.repeat(10)}`,
                rdns: 'com.example.long',
              },
              provider,
            }),
          }),
        )
      window.addEventListener('eip6963:requestProvider', announce)
    })
    await page.goto(`${stack.demo}/?${new URLSearchParams({ relay: stack.relay, emulator: stack.emulator, chains: 'evm' })}`)
    await page.waitForFunction(() => customElements.get('link-wallet') !== undefined)
    await page.getByRole('button', { name: 'Link a wallet' }).click()
    const option = page.locator('link-wallet [part=wallet-option]').filter({ hasText: 'WWW' })
    await expect.poll(() => option.count()).toBe(1)
    const name = (await option.locator('.name').textContent())!
    expect(name.length).toBeLessThanOrEqual(40)
    expect(name.endsWith('…')).toBe(true)
    expect(await option.locator('img').count()).toBe(0)
    const dialog = (await page.locator('link-wallet [part=dialog]').boundingBox())!
    expect(dialog.width).toBeLessThanOrEqual(360)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await page.close()
  })
})
