import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { useBrowser } from '../support/browser.js'

const stack = inject('stack')
const browser = useBrowser(beforeAll, afterAll)

async function openDemo(): Promise<Page> {
  const page = await browser().newPage()
  const params = new URLSearchParams({ relay: stack.relay, emulator: stack.emulator })
  await page.goto(`${stack.demo}/?${params}`)
  await page.waitForFunction(() => customElements.get('link-wallet') !== undefined && 'demoWallets' in window)
  return page
}

/** Resolves with the next `lw-linked` event's fields, seen from the page. */
function nextLinked(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ wallet: unknown; wallets: unknown; bubbles: boolean; composed: boolean }>((resolve) =>
        document.addEventListener(
          'lw-linked',
          (event) => resolve({ wallet: event.wallet, wallets: event.wallets, bubbles: event.bubbles, composed: event.composed }),
          { once: true },
        ),
      ),
  )
}

async function emulatorState() {
  const response = await fetch(`${stack.emulator}/__emulator/state`)
  return (await response.json()) as { users: { id: string; walletType: string; walletAddress: string }[] }
}

async function approve(page: Page, title: RegExp) {
  await expect.poll(() => page.locator('#approval-title').textContent()).toMatch(title)
  await page.locator('#approval-approve').click()
}

async function reject(page: Page, title: RegExp) {
  await expect.poll(() => page.locator('#approval-title').textContent()).toMatch(title)
  await page.locator('#approval-reject').click()
}

describe('linking the demo EVM wallet in Chromium', () => {
  it('links it end to end: lw-linked carries the wallet, and the emulated Snag holds it', async () => {
    const page = await openDemo()
    const address = await page.evaluate(() => window.demoWallets.evm)
    const linked = nextLinked(page)

    await page.getByRole('button', { name: 'Link a wallet' }).click()
    await page.getByRole('button', { name: /Demo EVM Wallet/ }).click()
    await approve(page, /^Connect Demo EVM Wallet/)
    await expect.poll(() => page.locator('#approval-message').textContent()).toContain('wants you to sign in with your Ethereum account')
    await approve(page, /^Sign this message/)

    const event = await linked
    const user = (await emulatorState()).users.find((u) => u.walletAddress === address)
    expect(user).toMatchObject({ walletType: 'evm', walletAddress: address })
    expect(event).toEqual({
      wallet: { userId: user!.id, walletType: 'evm', walletAddress: address, linkedAt: expect.any(String) },
      wallets: [{ userId: user!.id, walletType: 'evm', walletAddress: address, linkedAt: expect.any(String) }],
      bubbles: true,
      composed: true,
    })
    await expect.poll(() => page.locator('link-wallet').getAttribute('state')).toBe('linked')
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Wallet linked.')
    await page.getByRole('button', { name: 'Done' }).click()
    await expect.poll(() => page.locator('link-wallet').getAttribute('state')).toBe('idle')
    await expect.poll(() => page.locator('link-wallet [part=wallets]').textContent()).toContain(address.slice(0, 6))
    await page.close()
  })

  it('shows a declined signature as such and links on retry', async () => {
    const page = await openDemo()
    const address = await page.evaluate(() => window.demoWallets.evm)
    const errors: string[] = []
    await page.exposeFunction('reportError', (code: string) => errors.push(code))
    await page.evaluate(() => document.addEventListener('lw-error', (e) => (window as unknown as { reportError(c: string): void }).reportError(e.code)))

    await page.getByRole('button', { name: 'Link a wallet' }).click()
    await page.getByRole('button', { name: /Demo EVM Wallet/ }).click()
    await approve(page, /^Connect/)
    await reject(page, /^Sign this message/)

    await expect.poll(() => page.locator('link-wallet').getAttribute('state')).toBe('error')
    expect(await page.locator('link-wallet [part=error]').textContent()).toBe('You declined the request in your wallet. Nothing was linked.')
    expect(errors).toEqual(['user_rejected'])
    expect((await emulatorState()).users.some((u) => u.walletAddress === address)).toBe(false)

    const linked = nextLinked(page)
    await page.getByRole('button', { name: 'Try again' }).click()
    await approve(page, /^Sign this message/)
    expect(((await linked).wallet as { walletAddress: string }).walletAddress).toBe(address)
    expect((await emulatorState()).users.some((u) => u.walletAddress === address)).toBe(true)
    await page.close()
  })
})
