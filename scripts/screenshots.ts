/**
 * `npm run screenshots`: the README's pictures of the widget, taken in Chromium
 * from the hosted demo (built first): light and dark, desktop and phone, the
 * wallet list and the linked-wallets view, a phone in Arabic (right to left), and
 * Reown AppKit's modal in the same windows, to show side by side.
 * Writes docs/screenshots/*.png.
 */
import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { startRelay } from '../src/relay/server.js'
import { launchChromium } from '../test/support/browser.js'
import { startWalletConnectRelay } from '../src/emulator/walletconnect-relay.js'
import { COMPETITORS, serve } from '../bench/competitors/serve.js'

const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url))
await mkdir(out, { recursive: true })

const lines: string[] = []
const demo = await startRelay({
  env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn' },
  mode: 'emulate',
  demo: true,
  print: (line) => lines.push(line),
})
const origin = demo.relay!.url
const browser = await launchChromium()
// The WalletConnect view needs a relay to pair through: the tests' local stand-in.
const walletConnect = await startWalletConnectRelay()

type Shot = { colorScheme: 'light' | 'dark'; width: number; height: number; mobile?: boolean }

/** A page as the shot needs it: its size, a phone or not, its colour scheme, no motion. */
async function newPage(options: Shot): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: options.width, height: options.height },
    isMobile: options.mobile ?? false,
    hasTouch: options.mobile ?? false,
    deviceScaleFactor: 1,
  })
  await page.emulateMedia({ colorScheme: options.colorScheme, reducedMotion: 'reduce' })
  return page
}

/** The QR view of a phone wallet by WalletConnect, with a project id set on the element. */
async function shootWalletConnect(name: string, options: Shot) {
  const page = await newPage(options)
  await page.goto(
    `${origin}/?${new URLSearchParams({ wcProject: 'screenshots-000000000000000000', wcRelay: walletConnect.url, wallets: 'none' })}`,
  )
  await page.waitForFunction(() => 'demoWallets' in window)
  await page.getByRole('button', { name: 'Link a wallet' }).click()
  await page.getByRole('button', { name: /Ethereum & EVM wallet/ }).click()
  await page.locator('link-wallet [part=qr]').waitFor()
  await page.waitForTimeout(300)
  await page.screenshot({ path: `${out}${name}-walletconnect.png` })
  await page.close()
}

async function approve(page: Page, times: number) {
  for (let i = 0; i < times; i++) {
    await page.waitForSelector('#approval[open]')
    await page.locator('#approval-approve').click()
  }
}

/** Links a wallet of each chain, leaving the page on the linked-wallets view. */
async function linkEach(page: Page) {
  for (const [name, prompts] of [
    [/Demo EVM/, 2],
    [/Demo Solana/, 1],
    [/Demo TON/, 1],
    [/Demo Sui/, 2],
    [/Demo Cosmos/, 2],
    [/Demo Substrate/, 2],
  ] as const) {
    await page.getByRole('button', { name: /^Link (a|another) wallet$/ }).click()
    await page.getByRole('button', { name }).click()
    await approve(page, prompts)
    await page.getByRole('button', { name: 'Done' }).click()
  }
}

async function shoot(name: string, options: Shot) {
  const page = await newPage(options)
  await page.goto(`${origin}/`)
  await page.waitForFunction(() => 'demoWallets' in window)
  const widget = page.locator('link-wallet')
  await page.getByRole('button', { name: 'Link a wallet' }).click()
  await page.locator('link-wallet [part=wallet-option]').nth(3).waitFor()
  // The pointer, left where "Link a wallet" was, would hover a row.
  await page.mouse.move(0, 0)
  await page.screenshot({ path: `${out}${name}-wallet-list.png` })
  await page.getByRole('button', { name: 'Close' }).click()
  await linkEach(page)
  await page.waitForTimeout(300)
  await widget.screenshot({ path: `${out}${name}-linked.png` })
  await page.close()
}

/** The same on a phone in Arabic (right to left): linked in English, then shown in Arabic. */
async function shootRightToLeft(name: string, locale: string) {
  const page = await newPage({ colorScheme: 'light', width: 390, height: 780, mobile: true })
  await page.goto(`${origin}/`)
  await page.waitForFunction(() => 'demoWallets' in window)
  await linkEach(page)
  const widget = page.locator('link-wallet')
  await widget.evaluate((el, l) => el.setAttribute('locale', l), locale)
  await page.locator(`link-wallet [part=base][lang=${locale}]`).waitFor()
  await page.waitForTimeout(300)
  await widget.screenshot({ path: `${out}${name}-linked.png` })
  await page.locator('link-wallet [part=button]').click()
  await page.locator('link-wallet [part=wallet-option]').nth(3).waitFor()
  await page.mouse.move(0, 0)
  await page.screenshot({ path: `${out}${name}-wallet-list.png` })
  await page.close()
}

/**
 * Reown AppKit's modal as its docs set it up (bench/competitors/appkit, built for
 * production), in the same window as the wallet list above: the README shows the two
 * side by side. No network here: its wallet list and images from Reown's API stay empty.
 */
async function shootAppKit(shots: readonly [string, Shot][]) {
  const appkit = COMPETITORS.find((competitor) => competitor.dir === 'appkit')!
  const site = await serve(appkit)
  try {
    for (const [name, options] of shots) {
      const page = await newPage(options)
      await page.goto(`${site.url}/`)
      await appkit.open(page)
      await page.locator('w3m-modal').waitFor({ state: 'attached' })
      await page.waitForTimeout(3000)
      await page.screenshot({ path: `${out}${name}-appkit.png` })
      await page.close()
    }
  } finally {
    await site.close()
  }
}

try {
  await shootRightToLeft('mobile-light-ar', 'ar')
  await shoot('desktop-light', { colorScheme: 'light', width: 1100, height: 760 })
  await shoot('desktop-dark', { colorScheme: 'dark', width: 1100, height: 760 })
  await shoot('mobile-light', { colorScheme: 'light', width: 390, height: 780, mobile: true })
  await shoot('mobile-dark', { colorScheme: 'dark', width: 390, height: 780, mobile: true })
  await shootWalletConnect('desktop-light', { colorScheme: 'light', width: 1100, height: 760 })
  await shootWalletConnect('mobile-dark', { colorScheme: 'dark', width: 390, height: 780, mobile: true })
  await shootAppKit([
    ['desktop-light', { colorScheme: 'light', width: 1100, height: 760 }],
    ['mobile-dark', { colorScheme: 'dark', width: 390, height: 780, mobile: true }],
  ])
  console.log(`screenshots written to ${out}`)
} finally {
  await browser.close()
  await walletConnect.close()
  await demo.close()
}
