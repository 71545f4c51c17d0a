/**
 * What a new user hit (issue 17, defect 4), in Chromium against the demo: each case
 * failed before its fix.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { useBrowser } from '../support/browser.js'
import { EVM_PROMPTS, answerWallet, chooseWallet, linkThroughDialog, openDemo, widgetState } from '../support/demo.js'

const stack = inject('stack')
const browser = useBrowser(beforeAll, afterAll)

const dialogText = async (page: Page) => ((await page.locator('link-wallet [part=dialog]').textContent()) ?? '').replace(/\s+/g, ' ')
const buttonsInDialog = (page: Page) => page.locator('link-wallet [part=dialog] .actions button').allTextContents()

describe('what a new user hit', () => {
  it('says a wallet already in the account is there, without a red error or a pointless retry', async () => {
    const page = await openDemo(browser(), stack)
    await linkThroughDialog(page, /Demo EVM Wallet/, EVM_PROMPTS)
    await chooseWallet(page, /Demo EVM Wallet/)
    await answerWallet(page, /^Sign this message/)
    await expect.poll(() => widgetState(page)).toBe('error')
    expect(await dialogText(page)).toContain('This wallet is already linked to your account.')
    expect(await page.locator('link-wallet [part=dialog] [part=error]').count()).toBe(0)
    expect(await buttonsInDialog(page)).toEqual(['Back'])
    await page.close()
  })

  it('says “signed in” when a wallet proves an existing account, says why the last wallet has no Unlink, and fires lw-signed-out', async () => {
    const page = await openDemo(browser(), stack)
    await linkThroughDialog(page, /Demo EVM Wallet/, EVM_PROMPTS)
    expect(await page.locator('link-wallet [part=wallets]').textContent()).toContain(
      'An account keeps at least one wallet: to leave, sign out.',
    )
    await linkThroughDialog(page, /Demo Solana Wallet/, [/^Sign in with Solana/])
    expect(await page.locator('link-wallet [part=wallets]').textContent()).not.toContain('An account keeps at least one wallet')

    const signedOut = page.evaluate(
      () =>
        new Promise<boolean>((resolve) =>
          document.addEventListener('lw-signed-out', (e) => resolve(e.bubbles && e.composed), { once: true }),
        ),
    )
    await page.getByRole('button', { name: 'Sign out', exact: true }).click()
    expect(await signedOut).toBe(true)

    await chooseWallet(page, /Demo EVM Wallet/)
    await answerWallet(page, /^Sign this message/)
    await expect.poll(() => widgetState(page)).toBe('linked')
    expect(await page.locator('link-wallet [part=dialog] [part=status]').textContent()).toContain('Signed in to your account (2 wallets).')
    await page.close()
  })

  it('tells the developer when the relay attribute is missing, instead of asking the page’s own server', async () => {
    const page = await openDemo(browser(), stack)
    const errors: string[] = []
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
    const ownServer: string[] = []
    page.on('request', (request) => request.url().startsWith(`${stack.demo}/v1/`) && ownServer.push(request.url()))
    await page.evaluate(() => {
      const widget = document.createElement('link-wallet')
      widget.id = 'bare'
      document.body.prepend(widget)
    })
    await page.locator('#bare [part=button]').click()
    await expect.poll(() => page.locator('#bare').getAttribute('state')).toBe('error')
    expect(await page.locator('#bare [part=error]').textContent()).toBe('Wallet linking is not set up on this page yet.')
    expect(await page.locator('#bare [part=dialog] .actions button').allTextContents()).toEqual(['Back'])
    expect(errors.some((text) => text.includes('set its relay attribute'))).toBe(true)
    expect(ownServer).toEqual([])
    await page.close()
  })

  it('says the site could not confirm the user when its user token is refused, not that a session ended', async () => {
    const page = await openDemo(browser(), stack, { userToken: 'not-a-token' })
    await chooseWallet(page, /Demo EVM Wallet/)
    // The wallet is asked what it is asked (the token is checked when the proof arrives, or sooner).
    await expect
      .poll(async () => {
        if (await page.locator('#approval[open]').count()) await page.locator('#approval-approve').click()
        return widgetState(page)
      })
      .toBe('error')
    expect(await page.locator('link-wallet [part=dialog] [part=error]').textContent()).toBe(
      'This site could not confirm who you are. Reload the page, or sign in to the site again.',
    )
    expect(await buttonsInDialog(page)).toEqual(['Back'])
    await page.close()
  })

  it('shows a TON address in the user-friendly form TON wallets show (UQ…), and copies that form', async () => {
    const page = await openDemo(browser(), stack)
    const { wallet } = await linkThroughDialog(page, /Demo TON Wallet/, [/^Connect Demo TON Wallet/])
    expect(wallet.walletAddress).toMatch(/^0:[0-9a-f]{64}$/)
    const code = page.locator('link-wallet [part=wallet] code')
    const friendly = await code.getAttribute('title')
    expect(friendly).toMatch(/^UQ[A-Za-z0-9_-]{46}$/)
    expect(await code.textContent()).toBe(`${friendly!.slice(0, 6)}…${friendly!.slice(-4)}`)
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.getByRole('button', { name: `Copy ${friendly!.slice(0, 6)}…${friendly!.slice(-4)}` }).click()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(friendly)
    await page.close()
  })

  it('opens the list on its first wallet, hides chain names in the compact dialog, and styles the Profile heading from the start', async () => {
    const page = await openDemo(browser(), stack)
    const focusedText = () =>
      page.evaluate(() => {
        let active = document.activeElement
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement
        return active?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
      })
    await page.getByRole('button', { name: 'Link a wallet' }).click()
    await expect.poll(focusedText).toMatch(/^Demo EVM Wallet/)
    await page.keyboard.press('Escape')

    await page.locator('link-wallet').evaluate((el) => el.setAttribute('layout', 'compact'))
    await page.getByRole('button', { name: 'Link a wallet' }).click()
    const chain = page.locator('link-wallet [part=wallet-option] .chain').first()
    await expect.poll(() => chain.evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(1)
    await page.keyboard.press('Escape')
    await page.locator('link-wallet').evaluate((el) => el.removeAttribute('layout'))

    // After a reload the dialog has not opened: the heading must not wait for its styles.
    const fresh = await openDemo(browser(), stack)
    await linkThroughDialog(fresh, /Demo EVM Wallet/, EVM_PROMPTS)
    await fresh.reload()
    const heading = fresh.locator('link-wallet [part=profile] h2')
    await heading.waitFor()
    expect(await heading.evaluate((el) => getComputedStyle(el).fontSize)).toBe('18px')
    // The linked wallets and the profile: two cards of one width, with headings of one style.
    const cards = await fresh.locator('link-wallet').evaluate((el) =>
      ['wallets', 'profile'].map((part) => {
        const card = el.shadowRoot!.querySelector(`[part=${part}]`)!
        const style = getComputedStyle(card.querySelector('h2')!)
        return { width: card.getBoundingClientRect().width, heading: [style.fontSize, style.fontWeight, style.color] }
      }),
    )
    expect(cards[0]).toEqual(cards[1])
    await fresh.close()
    await page.close()
  })

  it('lists wallets in this browser first, then QR options with a mark, and shows the wallet being asked large in a turning ring, under “Continue in” it', async () => {
    const page = await openDemo(browser(), stack)
    await page.getByRole('button', { name: 'Link a wallet' }).click()
    const options = page.locator('link-wallet [part=wallet-option]')
    await expect.poll(() => options.filter({ hasText: 'QR code' }).count()).toBeGreaterThan(0)
    const rows = await options.evaluateAll((all) => all.map((el) => ({ text: el.textContent ?? '', icon: !!el.querySelector('img, svg') })))
    const firstRemote = rows.findIndex((row) => row.text.includes('QR code'))
    expect(rows.slice(firstRemote).every((row) => row.text.includes('QR code'))).toBe(true)
    expect(rows.every((row) => row.icon)).toBe(true)

    await page.getByRole('button', { name: /Demo EVM Wallet/ }).click()
    const progress = page.locator('link-wallet [part=progress]')
    await progress.waitFor()
    expect(await progress.locator('img').getAttribute('src')).toMatch(/^data:image\/svg/)
    // A heading names where to go, in the widget's language; the wallet's prompt is open meanwhile.
    await expect.poll(() => page.locator('link-wallet [part=continue]').textContent()).toBe('Continue in Demo EVM Wallet')
    await page.locator('link-wallet').evaluate((el) => el.setAttribute('locale', 'es'))
    await expect.poll(() => page.locator('link-wallet [part=continue]').textContent()).toBe('Continúa en Demo EVM Wallet')
    await page.locator('link-wallet').evaluate((el) => el.setAttribute('locale', 'en'))
    expect(await progress.evaluate((el) => getComputedStyle(el, '::before').animationName)).toBe('spin')
    await page.emulateMedia({ reducedMotion: 'reduce' })
    expect(await progress.evaluate((el) => getComputedStyle(el, '::before').animationName)).toBe('none')
    await page.close()
  })
})
