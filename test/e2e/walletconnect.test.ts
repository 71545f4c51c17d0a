/**
 * Phone wallets over WalletConnect, both sides real clients: the widget in Chromium
 * (@walletconnect/sign-client, loaded only when the option is chosen) and a wallet
 * in Node (@reown/walletkit, real keys), through the local stand-in for the
 * WalletConnect relay (test/support/walletconnect-relay.ts). The relay under test
 * is the binary with the emulator, as a site would run it.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { useBrowser } from '../support/browser.js'
import { emulatorUsers, nextLinked, widgetState } from '../support/demo.js'
import { startBin, urlIn, type Running } from '../support/processes.js'
import { answerTonConnect } from '../support/tonconnect-wallet.js'
import { startWalletConnectRelay, type WalletConnectRelay } from '../../src/emulator/walletconnect-relay.js'
import { startPhoneWallet, type WalletBehaviour } from '../support/walletconnect-wallet.js'

const { demo } = inject('stack')
const browser = useBrowser(beforeAll, afterAll)
const PROJECT = 'link-wallet-tests-0000000000000000'

let wcRelay: WalletConnectRelay
let relay: Running
let stack: { relay: string; emulator: string; demo: string; hostTokenSecret: string }

beforeAll(async () => {
  wcRelay = await startWalletConnectRelay()
  relay = await startBin(
    ['--emulate'],
    { PORT: '0', ALLOWED_ORIGINS: demo, LOG_LEVEL: 'warn', CHAINS: 'evm,solana,ton', CHALLENGE_TTL_SECONDS: '30' },
    2,
  )
  stack = { relay: urlIn(relay.lines[0]), emulator: urlIn(relay.lines[1]), demo, hostTokenSecret: '' }
})
afterAll(async () => {
  await relay?.stop()
  await wcRelay?.close()
})

async function openPage(query: Record<string, string> = {}): Promise<Page> {
  const page = await browser().newPage()
  const params = new URLSearchParams({ relay: stack.relay, emulator: stack.emulator, wcProject: PROJECT, wcRelay: wcRelay.url, ...query })
  await page.goto(`${demo}/?${params}`)
  await page.waitForFunction(() => customElements.get('link-wallet') !== undefined && 'demoWallets' in window)
  return page
}

/** Chooses the chain's WalletConnect option and resolves the pairing link its QR code holds. */
async function pairingUri(page: Page, chain: RegExp): Promise<string> {
  await page.getByRole('button', { name: /^Link (a|another) wallet$/ }).click()
  await page.getByRole('button', { name: chain }).click()
  const link = page.locator('link-wallet [part=qr] figcaption a')
  await expect.poll(() => link.count(), { timeout: 20_000 }).toBe(1)
  const uri = await link.getAttribute('href')
  expect(uri).toMatch(/^wc:[0-9a-f]{64}@2\?/)
  return uri!
}

async function phoneWallet(behaviour: WalletBehaviour) {
  const mode = { current: behaviour }
  const wallet = await startPhoneWallet(wcRelay.url, PROJECT, mode)
  return Object.assign(wallet, { mode })
}

describe('with no wallet extension at all', () => {
  it('links an EVM wallet by WalletConnect in one prompt, a Solana one by WalletConnect and a TON one by QR into one account', async () => {
    // The emulator's TON Connect bridge, and its wallets list naming a wallet on it.
    const page = await openPage({ wallets: 'none', tonWallets: `${stack.emulator}/tonconnect/wallets-v2.json` })
    const phone = await phoneWallet('one-click')
    let linked = nextLinked(page)
    await phone.pair(await pairingUri(page, /Another Ethereum & EVM wallet/))
    expect((await linked).wallet).toMatchObject({ walletType: 'evm', walletAddress: phone.evmAddress })
    await page.getByRole('button', { name: 'Done' }).click()

    phone.mode.current = 'pair-then-sign'
    linked = nextLinked(page)
    await phone.pair(await pairingUri(page, /Another Solana wallet/))
    expect((await linked).wallet).toMatchObject({ walletType: 'solana', walletAddress: phone.solanaAddress })
    await page.getByRole('button', { name: 'Done' }).click()

    linked = nextLinked(page)
    await page.getByRole('button', { name: 'Link another wallet' }).click()
    await page.getByRole('button', { name: /Another TON wallet/ }).click()
    const qr = page.locator('link-wallet [part=qr] figcaption a')
    await expect.poll(() => qr.count(), { timeout: 20_000 }).toBe(1)
    const ton = await answerTonConnect((await qr.getAttribute('href'))!, `${stack.emulator}/tonconnect/bridge`)
    const last = await linked
    expect(last.wallet).toMatchObject({ walletType: 'ton', walletAddress: ton.address })
    expect(last.wallets.map((wallet) => wallet.walletType).sort()).toEqual(['evm', 'solana', 'ton'])
    await phone.stop()
    await page.close()
  }, 90_000)
})

describe('on a phone, with no wallet in the browser', () => {
  it('shows a bottom sheet offering the phone’s wallet apps, the pairing link for each, and where to get a wallet', async () => {
    const page = await browser().newPage({ viewport: { width: 390, height: 780 }, isMobile: true, hasTouch: true })
    const params = new URLSearchParams({
      relay: stack.relay,
      emulator: stack.emulator,
      wcProject: PROJECT,
      wcRelay: wcRelay.url,
      wallets: 'none',
    })
    await page.goto(`${demo}/?${params}`)
    await page.waitForFunction(() => customElements.get('link-wallet') !== undefined && 'demoWallets' in window)
    await page.getByRole('button', { name: 'Link a wallet' }).click()
    const widget = page.locator('link-wallet')
    const options = widget.locator('[part=wallet-option] .name')
    await expect
      .poll(() => options.allTextContents())
      // Each chain's wallet app reached by a link (WalletConnect, TON Connect), then the wallets that open this page in their own browser.
      .toEqual([
        'Ethereum & EVM wallet app on this phone',
        'Solana wallet app on this phone',
        'TON wallet app on this phone',
        'Open in MetaMask',
        'Open in Phantom',
      ])
    expect(await widget.locator('dialog').textContent()).toContain('Link a wallet on your phone below, or get one:')
    expect(await widget.locator('[part=get-wallet] a').count()).toBe(3)
    // Once it has slid in: as wide as the screen, resting on its bottom edge.
    const sheet = async () => {
      const box = (await widget.locator('dialog').boundingBox())!
      return { width: box.width, bottom: Math.round(box.y + box.height) }
    }
    await expect.poll(sheet).toEqual({ width: 390, bottom: 780 })

    await page.getByRole('button', { name: 'Ethereum & EVM wallet app on this phone' }).click()
    const links = widget.locator('[part=qr-links] a')
    await expect.poll(() => links.count(), { timeout: 20_000 }).toBe(3)
    expect(await links.first().textContent()).toBe('Open in MetaMask')
    expect(await links.first().getAttribute('href')).toMatch(/^https:\/\/metamask\.app\.link\/wc\?uri=wc%3A[0-9a-f]{64}%402%3F/)
    expect(await widget.locator('[part=qr] svg').isVisible()).toBe(false)
    expect(await widget.locator('[part=status]').textContent()).toBe('Open the link in your wallet app, approve, then come back here.')
    await page.keyboard.press('Escape')
    await expect.poll(() => widgetState(page)).toBe('idle')
    await page.close()
  })
})

describe('phone wallets over WalletConnect', () => {
  it('links an EVM wallet in one prompt: the pairing carries the sign-in (One-Click Auth)', async () => {
    const page = await openPage()
    const wallet = await phoneWallet('one-click')
    const linked = nextLinked(page)
    await wallet.pair(await pairingUri(page, /Another Ethereum & EVM wallet/))
    expect((await linked).wallet).toMatchObject({ walletType: 'evm', walletAddress: wallet.evmAddress })
    expect(wallet.asked).toEqual(['session_proposal'])
    await wallet.stop()
    await page.close()
  })

  it('links an EVM wallet that pairs without signing in, asking personal_sign after', async () => {
    const page = await openPage()
    const wallet = await phoneWallet('pair-then-sign')
    const linked = nextLinked(page)
    await wallet.pair(await pairingUri(page, /Another Ethereum & EVM wallet/))
    expect((await linked).wallet).toMatchObject({ walletType: 'evm', walletAddress: wallet.evmAddress })
    expect(wallet.asked).toEqual(['session_proposal', 'personal_sign'])
    await wallet.stop()
    await page.close()
  })

  it('links a Solana wallet with solana_signMessage over the relay’s text', async () => {
    const page = await openPage()
    const wallet = await phoneWallet('pair-then-sign')
    const linked = nextLinked(page)
    await wallet.pair(await pairingUri(page, /Another Solana wallet/))
    expect((await linked).wallet).toMatchObject({ walletType: 'solana', walletAddress: wallet.solanaAddress })
    expect(wallet.asked).toEqual(['session_proposal', 'solana_signMessage'])
    expect((await emulatorUsers(stack)).some((user) => user.walletAddress === wallet.solanaAddress)).toBe(true)
    await wallet.stop()
    await page.close()
  })

  it('says the person declined when the wallet rejects the pairing', async () => {
    const page = await openPage()
    const wallet = await phoneWallet('reject')
    await wallet.pair(await pairingUri(page, /Another Ethereum & EVM wallet/))
    await expect.poll(() => widgetState(page), { timeout: 20_000 }).toBe('error')
    expect(await page.locator('link-wallet [part=error]').textContent()).toContain('You declined the request in your wallet.')
    await wallet.stop()
    await page.close()
  })

  it('stops waiting when the challenge expires before any wallet pairs', async () => {
    const page = await openPage()
    await pairingUri(page, /Another Ethereum & EVM wallet/)
    await expect.poll(() => widgetState(page), { timeout: 45_000, interval: 1000 }).toBe('error')
    expect(await page.locator('link-wallet [part=error]').textContent()).toContain('The wallet did not answer in time.')
    await page.close()
  }, 60_000)

  it('links even when the relay drops every socket mid-way', async () => {
    const page = await openPage()
    const wallet = await phoneWallet('pair-then-sign')
    const uri = await pairingUri(page, /Another Ethereum & EVM wallet/)
    wcRelay.dropSockets()
    const linked = nextLinked(page)
    await wallet.pair(uri)
    expect((await linked).wallet).toMatchObject({ walletType: 'evm', walletAddress: wallet.evmAddress })
    await wallet.stop()
    await page.close()
  }, 60_000)
})
