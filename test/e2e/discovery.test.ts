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
          detail: Object.freeze({
            info: { uuid: crypto.randomUUID(), name: 'Example Wallet', icon, rdns: 'com.example.wallet' },
            provider,
          }),
        }),
      )
  }
  window.addEventListener('eip6963:requestProvider', announce)
  announce()
}

/** A Solana wallet registered twice through the Wallet Standard, plus a legacy injected provider. */
function injectSolanaWallets({ standard }: { standard: boolean }) {
  const legacy = { isPhantom: true, connect: async () => ({ publicKey: '' }), signMessage: async () => ({ signature: new Uint8Array() }) }
  ;(window as unknown as { phantom: unknown }).phantom = { solana: legacy }
  if (!standard) return
  const make = () => ({
    version: '1.0.0',
    name: 'Example Solana',
    icon: 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg"/>',
    chains: ['solana:mainnet'],
    accounts: [],
    features: {
      'standard:connect': { version: '1.0.0', connect: async () => ({ accounts: [] }) },
      'solana:signMessage': { version: '1.0.0', signMessage: async () => [] },
    },
  })
  type Api = { register(wallet: unknown): void }
  const wallets = [make(), make()]
  for (const wallet of wallets)
    window.dispatchEvent(new CustomEvent('wallet-standard:register-wallet', { detail: (api: Api) => api.register(wallet) }))
  window.addEventListener('wallet-standard:app-ready', (event) => {
    for (const wallet of wallets) (event as CustomEvent<Api>).detail.register(wallet)
  })
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
  return page.locator('link-wallet [part=wallet-option] .name').allTextContents()
}

describe('wallet discovery', () => {
  it('lists a wallet announced twice and also injected as window.ethereum once', async () => {
    const page = await browser().newPage()
    await page.addInitScript(injectWallets, { announceInjectedTwice: true })
    // The demo's Abstract and Immutable wallets are EVM wallets too: listed under EVM when their own chains are not offered.
    expect((await walletNames(page, '&chains=evm')).sort()).toEqual([
      'Demo Abstract Wallet',
      'Demo EVM Wallet',
      'Demo Passport',
      'Example Wallet',
    ])
    await page.close()
  })

  it('offers window.ethereum when the wallet behind it does not announce itself', async () => {
    const page = await browser().newPage()
    await page.addInitScript(injectWallets, { announceInjectedTwice: false })
    expect((await walletNames(page, '&chains=evm')).sort()).toEqual([
      'Browser wallet',
      'Demo Abstract Wallet',
      'Demo EVM Wallet',
      'Demo Passport',
    ])
    await page.close()
  })

  it('lists a Solana wallet registered twice once, and leaves out the legacy provider beside it', async () => {
    const page = await browser().newPage()
    await page.addInitScript(injectSolanaWallets, { standard: true })
    expect((await walletNames(page, '&chains=solana')).sort()).toEqual(['Demo Solana Wallet', 'Example Solana'])
    await page.close()
  })

  it('offers a legacy injected Solana provider when no standard wallet is present', async () => {
    const page = await browser().newPage()
    await page.addInitScript(injectSolanaWallets, { standard: false })
    expect(await walletNames(page, '&chains=solana&wallets=none')).toEqual(['Phantom'])
    await page.close()
  })

  it('tells a visitor without any wallet what to do: where to get one, once, without an empty list', async () => {
    const page = await browser().newPage()
    expect(await walletNames(page, '&wallets=none&chains=evm+solana')).toEqual([])
    const widget = page.locator('link-wallet')
    expect(await widget.locator('[part=status]').textContent()).toBe('No wallet was found in this browser.')
    expect(await widget.locator('[part=wallet-list]').count()).toBe(0)
    const text = await widget.locator('dialog').textContent()
    expect(text).toContain('Get a wallet, then come back to link it:')
    expect(text).not.toContain('Choose the wallet to link')
    const links = widget.locator('[part=get-wallet] a')
    expect(await links.allTextContents()).toEqual(['Get MetaMask (Ethereum & EVM)', 'Get Phantom (Solana)'])
    expect(await links.first().getAttribute('href')).toBe('https://metamask.io/download/')
    const events = await page.locator('#events li').allTextContents()
    expect(events.filter((event) => event === 'lw-error no_wallets')).toHaveLength(1)
    await page.close()
  })
})
