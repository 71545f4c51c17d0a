import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { useBrowser } from '../support/browser.js'
import { answerWallet, chooseWallet, declineThenLink, emulatorUsers, nextLinked, openDemo, widgetState } from '../support/demo.js'

const stack = inject('stack')
const browser = useBrowser(beforeAll, afterAll)

describe('linking the demo EVM wallet in Chromium', () => {
  it('links it end to end: lw-linked carries the wallet, and the emulated Snag holds it', async () => {
    const page = await openDemo(browser(), stack)
    const address = await page.evaluate(() => window.demoWallets.evm)
    const linked = nextLinked(page)

    await chooseWallet(page, /Demo EVM Wallet/)
    await answerWallet(page, /^Connect Demo EVM Wallet/)
    expect(await answerWallet(page, /^Sign this message/)).toContain('wants you to sign in with your Ethereum account')

    const event = await linked
    const user = (await emulatorUsers(stack)).find((u) => u.walletAddress === address)
    expect(user).toMatchObject({ walletType: 'evm', walletAddress: address })
    const wallet = { userId: user!.id, walletType: 'evm', walletAddress: address, linkedAt: expect.any(String) }
    expect(event).toEqual({ wallet, wallets: [wallet], bubbles: true, composed: true })
    await expect.poll(() => widgetState(page)).toBe('linked')
    await expect.poll(() => page.locator('link-wallet [part=status]').textContent()).toContain('Wallet linked.')
    await page.getByRole('button', { name: 'Done' }).click()
    await expect.poll(() => widgetState(page)).toBe('idle')
    await expect.poll(() => page.locator('link-wallet [part=wallets]').textContent()).toContain(address.slice(0, 6))
    await page.close()
  })

  it('offers to retry a link Snag could not take, and sends the same proof without asking the wallet again', async () => {
    const page = await openDemo(browser(), stack)
    const address = await page.evaluate(() => window.demoWallets.evm)
    for (let i = 0; i < 3; i++)
      await fetch(`${stack.emulator}/__emulator/faults`, {
        method: 'POST',
        body: JSON.stringify({ path: '/api/users/connect', fault: { status: 503 } }),
      })

    await chooseWallet(page, /Demo EVM Wallet/)
    await answerWallet(page, /^Connect/)
    await answerWallet(page, /^Sign this message/)
    await expect.poll(() => widgetState(page)).toBe('error')
    expect(await page.locator('link-wallet [part=error]').textContent()).toBe('The account service is unavailable. Try again shortly.')

    const linked = nextLinked(page)
    await page.getByRole('button', { name: 'Try again' }).click()
    expect((await linked).wallet.walletAddress).toBe(address)
    expect(await page.locator('#approval[open]').count()).toBe(0)
    expect((await emulatorUsers(stack)).filter((u) => u.walletAddress === address)).toHaveLength(1)
    await page.close()
  })

  it('shows a declined signature as such and links on retry', async () => {
    const page = await openDemo(browser(), stack)
    const address = await page.evaluate(() => window.demoWallets.evm)
    await declineThenLink(stack, page, {
      wallet: /Demo EVM Wallet/,
      address,
      before: [/^Connect/],
      declined: /^Sign this message/,
      again: [/^Sign this message/],
    })
    await page.close()
  })
})
