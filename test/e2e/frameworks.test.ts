/**
 * The examples under examples/, each built as a site would and exercised in
 * Chromium: the element renders, takes its attribute from the framework, and the
 * framework hears `lw-linked` after a real link through the relay.
 */
import type { Page } from 'playwright-core'
import { privateKeyToAccount, generatePrivateKey } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { useBrowser } from '../support/browser.js'

const stack = inject('stack')
const browser = useBrowser(beforeAll, afterAll)

/** An EIP-6963 wallet in the page whose key stays in the test process (real secp256k1 signatures). */
async function injectTestWallet(page: Page): Promise<string> {
  const account = privateKeyToAccount(generatePrivateKey())
  await page.exposeFunction('__testWallet', async (method: string, params: unknown[]) => {
    if (method === 'eth_requestAccounts' || method === 'eth_accounts') return [account.address]
    if (method === 'eth_chainId') return '0x1'
    if (method === 'personal_sign') return account.signMessage({ message: { raw: params[0] as `0x${string}` } })
    throw Object.assign(new Error(`unsupported ${method}`), { code: 4200 })
  })
  await page.addInitScript(() => {
    const call = (window as unknown as { __testWallet(m: string, p: unknown[]): Promise<unknown> }).__testWallet
    const provider = { request: ({ method, params = [] }: { method: string; params?: unknown[] }) => call(method, params) }
    const info = {
      uuid: crypto.randomUUID(),
      name: 'Test Wallet',
      icon: 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg"/>',
      rdns: 'test.wallet',
    }
    const announce = () => window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info, provider }) }))
    window.addEventListener('eip6963:requestProvider', announce)
  })
  return account.address
}

describe('framework examples', () => {
  for (const example of ['plain-html', 'react', 'vue', 'svelte']) {
    it(`${example}: renders the element and hears lw-linked after a real link`, async () => {
      const page = await browser().newPage()
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      const address = await injectTestWallet(page)
      await page.goto(`${stack.demo}/examples/${example}/?relay=${encodeURIComponent(stack.relay)}`)
      await page.getByRole('button', { name: 'Link a wallet' }).click()
      await page.getByRole('button', { name: /Test Wallet/ }).click()
      await expect.poll(() => page.locator('#linked').textContent(), { timeout: 15_000 }).toBe(`Linked evm ${address}`)
      expect(await page.locator('link-wallet').evaluate((el) => (el as HTMLElement & { relay: string }).relay)).toBe(stack.relay)
      expect(errors).toEqual([])
      await page.close()
    })
  }
})
