/** One account, many wallets, in Chromium: the widget, the relay and the emulated Snag and Velt together. */
import { sign } from 'hono/jwt'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { useBrowser } from '../support/browser.js'
import { answerWallet, chooseWallet, emulatorState, linkThroughDialog, nextLinked, openDemo, widgetState } from '../support/demo.js'

const stack = inject('stack')
const browser = useBrowser(beforeAll, afterAll)

const walletItems = (page: Page) => page.locator('link-wallet [part=wallet]')

const link = linkThroughDialog

const groupOf = async (userId: string) => (await emulatorState(stack)).groups.find((g) => g.userIds.includes(userId))

describe('one account, many wallets, in Chromium', () => {
  it('links EVM, Solana, TON, Sui, Cosmos and Substrate into one account, shows them after a reload, and unlinks one', async () => {
    const page = await openDemo(browser(), stack)
    const evm = await link(page, /Demo EVM Wallet/, [/^Connect Demo EVM/, /^Sign this message/])
    const solana = await link(page, /Demo Solana Wallet/, [/^Sign in with Solana/])
    const ton = await link(page, /Demo TON Wallet/, [/^Connect Demo TON Wallet/])
    const sui = await link(page, /Demo Sui Wallet/, [/^Connect Demo Sui Wallet/, /^Sign this message/])
    const cosmos = await link(page, /Demo Cosmos Wallet/, [/^Connect Demo Cosmos Wallet/, /^Sign this message/])
    const substrate = await link(page, /Demo Substrate Wallet/, [/^Connect Demo Substrate Wallet/, /^Sign this message/])
    expect(substrate.wallets).toHaveLength(6)
    const all = [evm, solana, ton, sui, cosmos, substrate].map((linked) => linked.wallet.userId)
    const group = await groupOf(evm.wallet.userId)
    expect(group?.userIds.sort()).toEqual([...all].sort())
    expect(substrate.wallets.map((w) => w.walletType).sort()).toEqual(['cosmos', 'evm', 'solana', 'substrate', 'sui', 'ton'])
    await expect.poll(() => walletItems(page).count()).toBe(6)
    expect(await walletItems(page).allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Sui'),
        expect.stringContaining('Cosmos'),
        expect.stringContaining('Polkadot & Substrate'),
      ]),
    )

    await page.reload()
    await expect.poll(() => walletItems(page).count()).toBe(6)
    expect(await page.locator('link-wallet [part=button]').textContent()).toContain('Link another wallet')

    const unlinked = page.evaluate(
      () => new Promise<string>((resolve) => document.addEventListener('lw-unlinked', (e) => resolve(e.wallet.userId), { once: true })),
    )
    const short = `${solana.wallet.walletAddress.slice(0, 6)}…${solana.wallet.walletAddress.slice(-4)}`
    await page.getByRole('button', { name: `Unlink ${short}` }).click()
    expect(await page.locator('link-wallet .question').textContent()).toBe(`Unlink ${short} from your account?`)
    await page.locator('link-wallet .danger').click()
    expect(await unlinked).toBe(solana.wallet.userId)
    await expect.poll(() => walletItems(page).count()).toBe(5)
    expect(await groupOf(solana.wallet.userId)).toBeUndefined()
    await page.close()
  })

  it('moves a wallet from another account once the person confirms', async () => {
    const page = await openDemo(browser(), stack)
    const evm = await link(page, /Demo EVM Wallet/, [/^Connect Demo EVM/, /^Sign this message/])
    const solana = await link(page, /Demo Solana Wallet/, [/^Sign in with Solana/])
    await page.getByRole('button', { name: 'Sign out', exact: true }).click()
    await expect.poll(() => walletItems(page).count()).toBe(0)
    const ton = await link(page, /Demo TON Wallet/, [/^Connect Demo TON Wallet/])
    expect(ton.wallets).toHaveLength(1)

    await chooseWallet(page, /Demo EVM Wallet/)
    await answerWallet(page, /^Sign this message/)
    await expect.poll(() => widgetState(page)).toBe('error')
    expect(await page.locator('link-wallet [part=error]').textContent()).toContain('linked to another account. Move it to this one?')
    const moved = nextLinked(page)
    await page.getByRole('button', { name: 'Move it here' }).click()
    await answerWallet(page, /^Sign this message/)
    expect((await moved).wallets.map((w) => w.userId).sort()).toEqual([evm.wallet.userId, ton.wallet.userId].sort())
    expect((await groupOf(evm.wallet.userId))?.userIds.sort()).toEqual([evm.wallet.userId, ton.wallet.userId].sort())
    expect((await groupOf(solana.wallet.userId))?.userIds).toEqual([solana.wallet.userId])
    await page.close()
  })

  it('saves the profile after checking it as the relay would', async () => {
    const page = await openDemo(browser(), stack)
    const evm = await link(page, /Demo EVM Wallet/, [/^Connect Demo EVM/, /^Sign this message/])
    const form = page.locator('link-wallet [part=profile]')
    await expect.poll(() => form.count()).toBe(1)
    await form.getByLabel('Display name').fill('Ada')
    await form.getByLabel('Portfolio URL').fill('http://ada.example')
    await form.getByRole('button', { name: 'Save profile' }).click()
    await expect.poll(() => form.locator('#portfolioUrl-error').textContent()).toBe('Use an https:// address.')
    expect((await emulatorState(stack)).metadata[evm.wallet.userId]).toBeUndefined()

    await form.getByLabel('Portfolio URL').fill('https://ada.example')
    await form.getByRole('button', { name: 'Save profile' }).click()
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Profile saved.')
    expect((await emulatorState(stack)).metadata[evm.wallet.userId]).toMatchObject({
      displayName: 'Ada',
      portfolioUrl: 'https://ada.example',
    })
    await page.close()
  })

  it('shows the saved profile after a reload and sends only what changed, so nothing saved is lost', async () => {
    const page = await openDemo(browser(), stack)
    const evm = await link(page, /Demo EVM Wallet/, [/^Connect Demo EVM/, /^Sign this message/])
    const form = page.locator('link-wallet [part=profile]')
    await expect.poll(() => form.count()).toBe(1)
    await expect.poll(() => form.getByLabel('Display name').isEnabled()).toBe(true)
    await form.getByLabel('Display name').fill('Ada')
    await form.getByRole('button', { name: 'Save profile' }).click()
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Profile saved.')

    await page.reload()
    await expect.poll(() => form.getByLabel('Display name').inputValue()).toBe('Ada')
    await form.getByLabel('Location').fill('Paris')
    await form.getByRole('button', { name: 'Save profile' }).click()
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Profile saved.')
    expect((await emulatorState(stack)).metadata[evm.wallet.userId]).toMatchObject({ displayName: 'Ada', location: 'Paris' })
    await page.close()
  })

  it('records the host’s user on the Snag user and in the Velt group', async () => {
    const hostUser = `host-${crypto.randomUUID()}`
    const userToken = await sign({ sub: hostUser, exp: Math.floor(Date.now() / 1000) + 300 }, stack.hostTokenSecret, 'HS256')
    const page = await openDemo(browser(), stack, { userToken })
    const evm = await link(page, /Demo EVM Wallet/, [/^Connect Demo EVM/, /^Sign this message/])
    const state = await emulatorState(stack)
    expect(state.metadata[evm.wallet.userId]).toMatchObject({ externalIdentifier: hostUser })
    expect(Object.values(state.velt).flatMap((groups) => groups['link-wallet-demo'] ?? [])).toContain(hostUser)
    await page.close()
  })

  it('adds a wallet linked without a host token to the Velt group by its Snag user id', async () => {
    const page = await openDemo(browser(), stack)
    const evm = await link(page, /Demo EVM Wallet/, [/^Connect Demo EVM/, /^Sign this message/])
    const { velt } = await emulatorState(stack)
    expect(Object.values(velt).flatMap((groups) => groups['link-wallet-demo'] ?? [])).toContain(evm.wallet.userId)
    await page.close()
  })
})
