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
import { startWalletConnectRelay, type WalletConnectRelay } from '../support/walletconnect-relay.js'
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
