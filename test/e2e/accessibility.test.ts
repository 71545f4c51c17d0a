/** axe in real Chromium over every state of the widget, in every locale, light and dark; keyboard only; focus. */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { axeViolations } from '../support/axe.js'
import { useBrowser } from '../support/browser.js'
import { LOCALES } from '../../src/widget/i18n/index.js'
import { answerWallet, chooseWallet, openDemo, widgetState } from '../support/demo.js'

const stack = inject('stack')
const browser = useBrowser(beforeAll, afterAll)

/**
 * axe finds nothing in the state the widget is in, in every locale and in light and dark:
 * the flow is walked once, and each state is checked in every combination.
 */
async function expectNoViolations(page: Page, state: string) {
  const widget = page.locator('link-wallet')
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' })
    for (const locale of LOCALES) {
      await widget.evaluate((el, l) => el.setAttribute('locale', l), locale)
      await page.locator(`link-wallet [part=base][lang=${locale}]`).waitFor()
      const violations = await axeViolations(page)
      expect(violations, `${state}, ${locale}, ${colorScheme}: ${JSON.stringify(violations, null, 1)}`).toEqual([])
    }
  }
  // The flow goes on in English, where the buttons are found by their names.
  await widget.evaluate((el) => el.setAttribute('locale', 'en'))
  await page.locator('link-wallet [part=base][lang=en]').waitFor()
}

/** The element deepest in focus, through shadow roots: its tag, text and whether it is inside the widget's dialog. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let active = document.activeElement
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement
    return {
      tag: active?.tagName.toLowerCase(),
      text: active?.textContent?.trim() ?? '',
      inDialog: !!active?.closest('dialog[part=dialog]'),
    }
  })

/** Opens the demo with the chain code in the chunks `file` names whose text `holds` picks held back until `release()`. */
async function openHolding(file: RegExp, holds: (text: string) => boolean) {
  const page = await browser().newPage()
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(file, async (route) => {
    const response = await route.fetch()
    const body = await response.text()
    if (holds(body)) await held
    await route.fulfill({ response, body })
  })
  await page.goto(`${stack.demo}/?${new URLSearchParams({ relay: stack.relay, emulator: stack.emulator })}`)
  await page.waitForFunction(() => customElements.get('link-wallet') !== undefined && 'demoWallets' in window)
  return { page, release }
}

describe('axe', () => {
  it('finds nothing in any state (idle, wallet list, signing, error, linked, linked wallets, QR view), in every locale, light and dark', async () => {
    const page = await openDemo(browser(), stack)
    await expectNoViolations(page, 'idle')

    await page.getByRole('button', { name: 'Link a wallet' }).click()
    await expect.poll(() => page.locator('link-wallet [part=wallet-option]').count()).toBeGreaterThan(2)
    await expectNoViolations(page, 'wallet list')

    await page.getByRole('button', { name: /Demo EVM Wallet/ }).click()
    await answerWallet(page, /^Connect/)
    await expect.poll(() => widgetState(page)).toBe('signing')
    await expectNoViolations(page, 'signing')
    await answerWallet(page, /^Sign this message/, 'reject')
    await expect.poll(() => widgetState(page)).toBe('error')
    await expectNoViolations(page, 'error')

    await page.getByRole('button', { name: 'Try again' }).click()
    await answerWallet(page, /^Sign this message/)
    await expect.poll(() => widgetState(page)).toBe('linked')
    await expectNoViolations(page, 'linked')
    await page.getByRole('button', { name: 'Done' }).click()
    await expect.poll(() => page.locator('link-wallet [part=profile]').count()).toBe(1)
    await expectNoViolations(page, 'linked wallets and profile')

    await chooseWallet(page, /Another TON wallet/)
    await expect.poll(() => page.locator('link-wallet [part=qr]').count(), { timeout: 20_000 }).toBe(1)
    await expectNoViolations(page, 'QR view')
    await page.close()
  })
})

describe('keyboard only', () => {
  it('links and unlinks with the keyboard alone, and keeps focus in the dialog while it is open', async () => {
    const page = await openDemo(browser(), stack)
    const press = (key: string) => page.keyboard.press(key)
    const tabTo = async (text: RegExp, limit = 30) => {
      for (let i = 0; i < limit; i++) {
        await press('Tab')
        if (text.test((await focused(page)).text)) return
      }
      throw new Error(`no focusable element matching ${text}`)
    }
    /** The demo wallet's own prompt: its Approve button, by keyboard; the prompt then closes. */
    const approve = async () => {
      await page.waitForSelector('#approval[open]')
      await page.locator('#approval-approve').focus()
      await press('Enter')
      await expect
        .poll(() => page.locator('#approval[open]').count(), { message: 'the wallet’s prompt closes once approved', timeout: 5_000 })
        .toBe(0)
    }
    /** Focus lands on `text` once the link is done (the relay may take a while on a loaded machine); else says where things stand. */
    const focusedOnceLinked = async (text: string) => {
      try {
        await expect.poll(async () => (await focused(page)).text, { timeout: 10_000 }).toBe(text)
      } catch (error) {
        const prompt = await page
          .locator('#approval[open] #approval-title')
          .textContent({ timeout: 1_000 })
          .catch(() => null)
        const asked = prompt ? `the wallet asks again: “${prompt}”` : 'no wallet prompt is open'
        throw new Error(`focus is on “${(await focused(page)).text}”, not “${text}”; ${asked}; the widget is ${await widgetState(page)}`, {
          cause: error,
        })
      }
    }

    await tabTo(/^Link a wallet$/)
    await press('Enter')
    await expect.poll(() => widgetState(page)).toBe('choosing')
    await expect.poll(async () => (await focused(page)).inDialog).toBe(true)
    for (let i = 0; i < 12; i++) {
      await press('Tab')
      expect((await focused(page)).inDialog).toBe(true)
    }
    await tabTo(/Demo Solana Wallet/)
    await press('Enter')
    await approve()
    await expect.poll(() => widgetState(page)).toBe('linked')
    await focusedOnceLinked('Done')
    await press('Enter')
    await expect.poll(() => widgetState(page)).toBe('idle')
    expect((await focused(page)).text).toBe('Link another wallet')

    await press('Enter')
    await expect.poll(() => widgetState(page)).toBe('choosing')
    await press('Escape')
    await expect.poll(() => widgetState(page)).toBe('idle')
    expect((await focused(page)).text).toBe('Link another wallet')

    await press('Enter')
    await tabTo(/Demo TON Wallet/)
    await press('Enter')
    await approve()
    await focusedOnceLinked('Done')
    await press('Enter')

    await page.locator('link-wallet [part=button]').focus()
    await press('Shift+Tab')
    for (let i = 0; i < 10 && !/^Unlink$/.test((await focused(page)).text); i++) await press('Shift+Tab')
    expect((await focused(page)).text).toBe('Unlink')
    await press('Enter')
    await expect.poll(() => page.locator('link-wallet .question').count()).toBe(1)
    await tabTo(/^Unlink$/, 3)
    await press('Enter')
    await expect.poll(() => page.locator('link-wallet [part=wallet]').count()).toBe(1)
    await page.close()
  })

  it('leaves focus on the wallet the person came back to when a wallet found later is listed above it', async () => {
    // EVM's chain code arrives late: the list opens on the Solana wallet, and the EVM wallets are listed above it later
    // (EIP-6963 discovery, which Abstract and Immutable share with EVM: their wallets arrive late too).
    const { page, release } = await openHolding(/\/assets\/discover-[^/]+\.js$/, (text) => text.includes('eip6963:requestProvider'))
    await page.getByRole('button', { name: 'Link a wallet' }).click()
    await expect.poll(async () => (await focused(page)).text).toContain('Demo Solana Wallet')
    // The person moves on and comes back: where focus is now is their choice, not the widget's.
    await page.keyboard.press('Tab')
    expect((await focused(page)).text).not.toContain('Demo Solana Wallet')
    await page.keyboard.press('Shift+Tab')
    expect((await focused(page)).text).toContain('Demo Solana Wallet')
    release()
    await expect.poll(() => page.locator('link-wallet [part=wallet-option]').first().textContent()).toContain('Demo EVM Wallet')
    expect((await focused(page)).text).toContain('Demo Solana Wallet')
    await page.close()
  })

  it('keeps focus in the dialog when the wallet under it is replaced by a listing found later', async () => {
    // Abstract's chain code arrives late: until then its wallet is listed as an EVM wallet, then under its own chain.
    const { page, release } = await openHolding(
      /\/assets\/browser-[^/]+\.js$/,
      (text) => text.includes('xyz.abs.privy') && !text.includes('eip6963:requestProvider'),
    )
    await page.getByRole('button', { name: 'Link a wallet' }).click()
    const abstract = page.locator('link-wallet [part=wallet-option]', { hasText: 'Demo Abstract Wallet' })
    await expect.poll(() => abstract.textContent()).toContain('Ethereum & EVM')
    await abstract.focus()
    release()
    await expect.poll(() => abstract.textContent()).toContain('Abstract Global Wallet')
    expect((await focused(page)).inDialog).toBe(true)
    await page.keyboard.press('Tab')
    expect((await focused(page)).inDialog).toBe(true)
    await page.close()
  })
})
