import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { useBrowser } from '../support/browser.js'
import { answerWallet, chooseWallet, emulatorUsers, nextLinked, openDemo, widgetState } from '../support/demo.js'

const stack = inject('stack')
const browser = useBrowser(beforeAll, afterAll)

describe('linking the demo TON wallet in Chromium', () => {
  it('links the injected wallet through TON Connect with a ton_proof for the relay’s nonce', async () => {
    const page = await openDemo(browser(), stack)
    const address = await page.evaluate(() => window.demoWallets.ton)
    const linked = nextLinked(page)

    await chooseWallet(page, /Demo TON Wallet/)
    const asked = await answerWallet(page, /^Connect Demo TON Wallet to link-wallet\?/)
    expect(asked).toMatch(/^Prove ownership for 127\.0\.0\.1:\d+\npayload: [0-9a-f]{66,98}$/)

    const event = await linked
    const user = (await emulatorUsers(stack)).find((u) => u.walletAddress === address)
    expect(user).toMatchObject({ walletType: 'ton' })
    expect(event.wallet).toEqual({ userId: user!.id, walletType: 'ton', walletAddress: address, linkedAt: expect.any(String) })
    await expect.poll(() => widgetState(page)).toBe('linked')
    await page.close()
  })

  it('shows a declined connection as a rejection', async () => {
    const page = await openDemo(browser(), stack)
    await chooseWallet(page, /Demo TON Wallet/)
    await answerWallet(page, /^Connect Demo TON Wallet/, 'reject')
    await expect.poll(() => widgetState(page)).toBe('error')
    expect(await page.locator('link-wallet [part=error]').textContent()).toContain('You declined the request in your wallet.')
    await page.close()
  })

  it('shows a QR code and a universal link for a remote wallet, and goes back on request', async () => {
    const page = await openDemo(browser(), stack)
    await chooseWallet(page, /Another TON wallet \(QR code\)/)
    const qr = page.locator('link-wallet [part=qr]')
    await expect.poll(() => qr.count(), { timeout: 20_000 }).toBe(1)
    const link = await qr.locator('a').getAttribute('href')
    expect(link).toMatch(/^tc:\/\/\?v=2&id=[0-9a-f]{64}&trace_id=[0-9a-f-]+&r=/)
    const request = JSON.parse(new URL(link!.replace('tc://', 'https://x/')).searchParams.get('r')!)
    expect(request.items).toContainEqual({ name: 'ton_proof', payload: expect.stringMatching(/^[0-9a-f]{66,98}$/) })
    expect(request.manifestUrl).toBe(`${stack.relay}/tonconnect-manifest.json?origin=${encodeURIComponent(stack.demo)}`)
    expect(await qr.locator('svg path').getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/)
    expect(await page.locator('link-wallet [part=status]').textContent()).toContain('Scan the QR code')

    await page.getByRole('button', { name: 'Back' }).click()
    await expect.poll(() => widgetState(page)).toBe('choosing')
    expect(await qr.count()).toBe(0)
    await page.close()
  })
})
