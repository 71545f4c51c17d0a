/** Which wallets the widget offers, found through EIP-6963 and `window.ethereum`, in Chromium. */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { useBrowser } from '../support/browser.js'

const stack = inject('stack')
const browser = useBrowser(beforeAll, afterAll)

/** Installs before the page loads: a provider the page's own script did not make, announced or injected. */
function injectWallets({ announceInjectedTwice }: { announceInjectedTwice: boolean }) {
  const icon = 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg"/>'
  const provider = { request: async () => [] as unknown[] }
  ;(window as unknown as { ethereum: unknown }).ethereum = provider
  if (!announceInjectedTwice) return
  const announce = () => {
    for (let i = 0; i < 2; i++)
      window.dispatchEvent(
        new CustomEvent('eip6963:announceProvider', {
          detail: Object.freeze({ info: { uuid: crypto.randomUUID(), name: 'Example Wallet', icon, rdns: 'com.example.wallet' }, provider }),
        }),
      )
  }
  window.addEventListener('eip6963:requestProvider', announce)
  announce()
}

async function walletNames(page: Page, query = ''): Promise<string[]> {
  const params = new URLSearchParams({ relay: stack.relay, emulator: stack.emulator })
  await page.goto(`${stack.demo}/?${params}${query}`)
  await page.getByRole('button', { name: 'Link a wallet' }).click()
  await expect.poll(() => page.locator('link-wallet').getAttribute('state')).toBe('choosing')
  await page.waitForFunction(() => {
    const root = document.querySelector('link-wallet')?.shadowRoot
    return root && !root.querySelector('[part=status]')?.classList.contains('busy')
  })
  return page.locator('link-wallet [part=wallet-option] span:not(.chain)').allTextContents()
}

describe('wallet discovery', () => {
  it('lists a wallet announced twice and also injected as window.ethereum once', async () => {
    const page = await browser().newPage()
    await page.addInitScript(injectWallets, { announceInjectedTwice: true })
    expect((await walletNames(page)).sort()).toEqual(['Demo EVM Wallet', 'Example Wallet'])
    await page.close()
  })

  it('offers window.ethereum when the wallet behind it does not announce itself', async () => {
    const page = await browser().newPage()
    await page.addInitScript(injectWallets, { announceInjectedTwice: false })
    expect((await walletNames(page)).sort()).toEqual(['Browser wallet', 'Demo EVM Wallet'])
    await page.close()
  })

  it('tells a visitor without any wallet what to do', async () => {
    const page = await browser().newPage()
    expect(await walletNames(page, '&wallets=none')).toEqual([])
    expect(await page.locator('link-wallet [part=status]').textContent()).toContain('No wallet was found in this browser.')
    await page.close()
  })
})
