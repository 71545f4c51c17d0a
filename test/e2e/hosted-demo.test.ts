/** `link-wallet-relay --emulate --demo`: the page, the relay and the emulator from one process and one port. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useBrowser } from '../support/browser.js'
import { answerWallet, chooseWallet, nextLinked } from '../support/demo.js'
import { startBin, urlIn, type Running } from '../support/processes.js'

const browser = useBrowser(beforeAll, afterAll)
let demo: Running

beforeAll(async () => {
  demo = await startBin(['--emulate', '--demo'], { PORT: '0', LOG_LEVEL: 'warn' }, 3)
})
afterAll(async () => {
  await demo?.stop()
})

describe('the hosted demo', () => {
  it('serves the page, the relay and the emulator on one port, and links end to end', async () => {
    const origin = urlIn(demo.lines[0])
    expect(demo.lines[1]).toBe(`snag emulator listening on ${origin}/__snag`)
    expect(demo.lines[2]).toBe(`link-wallet demo at ${origin}/`)

    const page = await browser().newPage()
    await page.goto(`${origin}/`)
    await page.waitForFunction(() => 'demoWallets' in window)
    const address = await page.evaluate(() => window.demoWallets.evm)
    const linked = nextLinked(page)
    await chooseWallet(page, /Demo EVM Wallet/)
    await answerWallet(page, /^Connect/)
    await answerWallet(page, /^Sign this message/)
    expect((await linked).wallet.walletAddress).toBe(address)
    await expect.poll(() => page.locator('#emulator-state').textContent(), { timeout: 10_000 }).toContain(address)
    expect((await fetch(`${origin}/__snag/__emulator/faults`, { method: 'POST', body: '{}' })).status).toBe(404)

    // Another visitor sees their own account only: not the first visitor's wallet, and not the whole emulator.
    const other = await browser().newPage()
    await other.goto(`${origin}/`)
    await other.waitForFunction(() => 'demoWallets' in window)
    const otherAddress = await other.evaluate(() => window.demoWallets.evm)
    const otherLinked = nextLinked(other)
    await chooseWallet(other, /Demo EVM Wallet/)
    await answerWallet(other, /^Connect/)
    await answerWallet(other, /^Sign this message/)
    await otherLinked
    await expect.poll(() => other.locator('#emulator-state').textContent(), { timeout: 10_000 }).toContain(otherAddress)
    expect(await other.locator('#emulator-state').textContent()).not.toContain(address)
    expect((await fetch(`${origin}/__snag/__emulator/state`)).status).toBe(404)
    expect(await (await fetch(`${origin}/__demo/account-state`)).json()).toEqual({ users: [], groups: [], metadata: {}, velt: {} })
    await other.close()
    await page.close()
  })
})
