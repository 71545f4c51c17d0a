import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { useBrowser } from '../support/browser.js'
import { answerWallet, chooseWallet, emulatorUsers, nextLinked, openDemo, widgetState } from '../support/demo.js'

const stack = inject('stack')
const browser = useBrowser(beforeAll, afterAll)

describe('linking the demo Solana wallet in Chromium', () => {
  it('links through solana:signIn with one approval', async () => {
    const page = await openDemo(browser(), stack)
    const address = await page.evaluate(() => window.demoWallets.solana)
    const linked = nextLinked(page)

    await chooseWallet(page, /Demo Solana Wallet/)
    const text = await answerWallet(page, /^Sign in with Solana/)
    expect(text).toMatch(new RegExp(`^127\\.0\\.0\\.1:\\d+ wants you to sign in with your Solana account:\\n${address}\\n`))
    expect(text).toContain('Chain ID: mainnet')

    const event = await linked
    const user = (await emulatorUsers(stack)).find((u) => u.walletAddress === address)
    expect(user).toMatchObject({ walletType: 'solana' })
    expect(event.wallet).toEqual({ userId: user!.id, walletType: 'solana', walletAddress: address, linkedAt: expect.any(String) })
    await expect.poll(() => widgetState(page)).toBe('linked')
    await page.close()
  })

  it('links through solana:signMessage when the wallet cannot sign in', async () => {
    const page = await openDemo(browser(), stack, { solana: 'signMessage' })
    const address = await page.evaluate(() => window.demoWallets.solana)
    const linked = nextLinked(page)

    await chooseWallet(page, /Demo Solana Wallet/)
    await answerWallet(page, /^Connect Demo Solana Wallet/)
    expect(await answerWallet(page, /^Sign this message/)).toContain(`wants you to sign in with your Solana account:\n${address}`)

    expect((await linked).wallet).toMatchObject({ walletType: 'solana', walletAddress: address })
    expect((await emulatorUsers(stack)).find((u) => u.walletAddress === address)).toMatchObject({ walletType: 'solana' })
    await page.close()
  })

  it('shows a declined sign-in as a rejection, and links nothing', async () => {
    const page = await openDemo(browser(), stack)
    const address = await page.evaluate(() => window.demoWallets.solana)
    await chooseWallet(page, /Demo Solana Wallet/)
    await answerWallet(page, /^Sign in with Solana/, 'reject')
    await expect.poll(() => widgetState(page)).toBe('error')
    expect(await page.locator('link-wallet [part=error]').textContent()).toContain('You declined the request in your wallet.')
    expect((await emulatorUsers(stack)).some((u) => u.walletAddress === address)).toBe(false)
    await page.close()
  })
})
