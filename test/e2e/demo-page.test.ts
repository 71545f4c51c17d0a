/** The demo page explains itself: the flow step by step, the account as a table, controls and the snippet. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { useBrowser } from '../support/browser.js'
import { EVM_PROMPTS, linkThroughDialog, openDemo } from '../support/demo.js'

const stack = inject('stack')
const browser = useBrowser(beforeAll, afterAll)

describe('the demo page', () => {
  it('shows each step of a link as it happens, the account as a table, and the snippet for the widget as set', async () => {
    const page = await openDemo(browser(), stack)
    const { wallet } = await linkThroughDialog(page, /Demo EVM Wallet/, EVM_PROMPTS)
    const steps = await page.locator('#timeline li').allTextContents()
    const order = [
      /wallet list opens/,
      /asked to connect/,
      /single-use challenge \(POST \/v1\/challenge → 200/,
      /asked to sign/,
      /signature goes to the relay/,
      /calls Snag’s POST \/api\/users\/connect .*POST \/v1\/link → 200/,
      new RegExp(`Linked: evm ${wallet.walletAddress}`),
    ]
    const at = order.map((step) => steps.findIndex((text) => step.test(text)))
    expect(
      at.every((index) => index >= 0),
      JSON.stringify(steps),
    ).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    expect(steps.every((text) => /^\+\d+ ms /.test(text))).toBe(true)

    // The local emulator shows everything it holds (the tests' other wallets too): this wallet's row is among them.
    const row = page.locator('#emulator-state table tbody tr', { hasText: wallet.walletAddress })
    await expect.poll(() => row.count()).toBe(1)
    expect(await row.locator('td').allTextContents()).toEqual(['evm', wallet.walletAddress, wallet.userId, '—'])

    await page.getByLabel('Theme').selectOption('dark')
    await page.getByLabel('Layout').selectOption('compact')
    await page.getByLabel('solana', { exact: true }).uncheck()
    expect(await page.locator('link-wallet').getAttribute('theme')).toBe('dark')
    expect(await page.locator('link-wallet').getAttribute('layout')).toBe('compact')
    expect(await page.locator('link-wallet').getAttribute('chains')).not.toContain('solana')
    const snippet = (await page.locator('#snippet').textContent()) ?? ''
    expect(snippet).toContain(`<link-wallet relay="${stack.relay}" theme="dark" layout="compact" chains="evm ton`)
    await page.close()
  })

  it('starts its controls from the widget as the page set it, without undoing what was set before they loaded', async () => {
    const page = await browser().newPage()
    // The controls start once the relay's /v1/config answers: hold that answer until the page has set the widget.
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route('**/v1/config', async (route) => {
      await held
      await route.continue()
    })
    await page.goto(`${stack.demo}/?${new URLSearchParams({ relay: stack.relay, emulator: stack.emulator })}`)
    await page.waitForFunction(() => 'demoWallets' in window)
    const widget = page.locator('link-wallet')
    await widget.evaluate((el) => {
      el.setAttribute('locale', 'ar')
      el.setAttribute('theme', 'dark')
    })
    release()
    await expect.poll(() => page.locator('#chain-boxes input').count()).toBeGreaterThan(0)
    expect([await widget.getAttribute('locale'), await widget.getAttribute('theme')]).toEqual(['ar', 'dark'])
    expect([await page.getByLabel('Language').inputValue(), await page.getByLabel('Theme').inputValue()]).toEqual(['ar', 'dark'])
    expect(await page.locator('#snippet').textContent()).toContain('theme="dark" locale="ar"')
    await page.close()
  })

  it('says where the flow stopped when the wallet declines', async () => {
    const page = await openDemo(browser(), stack)
    await page.getByRole('button', { name: 'Link a wallet' }).click()
    await page.getByRole('button', { name: /Demo EVM Wallet/ }).click()
    await page.waitForSelector('#approval[open]')
    await page.locator('#approval-reject').click()
    await expect.poll(() => page.locator('#timeline li').last().textContent()).toMatch(/Stopped: user_rejected/)
    await page.close()
  })
})
