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
