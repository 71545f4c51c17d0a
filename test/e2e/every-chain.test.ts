/**
 * All ten of Snag's walletTypes, in Chromium, into one account: the demo's wallets
 * (real keys) for every chain, the relay started as `--emulate` with every chain on,
 * Ultra's and Flow's accounts (and agw's and imx's chains) answered by the
 * emulator's stand-ins for their nodes. Flow goes through FCL itself, loaded when
 * its wallet is chosen, speaking EXT/RPC to the demo's extension-style wallet.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { useBrowser } from '../support/browser.js'
import { declineThenLink, emulatorState, linkThroughDialog, openDemo } from '../support/demo.js'

const stack = inject('stack')
const browser = useBrowser(beforeAll, afterAll)

describe('every walletType, in Chromium', () => {
  it('links EVM, Solana, TON, Sui, Cosmos, Substrate, Abstract, Immutable, Ultra and Flow into one account', async () => {
    const page = await openDemo(browser(), stack)
    const addresses = await page.evaluate(() => window.demoWallets)
    const sign = /^Sign this message/
    const steps: [RegExp, RegExp[]][] = [
      [/Demo EVM Wallet/, [/^Connect Demo EVM/, sign]],
      [/Demo Solana Wallet/, [/^Sign in with Solana/]],
      [/Demo TON Wallet/, [/^Connect Demo TON Wallet/]],
      [/Demo Sui Wallet/, [/^Connect Demo Sui Wallet/, sign]],
      [/Demo Cosmos Wallet/, [/^Connect Demo Cosmos Wallet/, sign]],
      [/Demo Substrate Wallet/, [/^Connect Demo Substrate Wallet/, sign]],
      [/Demo Abstract Wallet/, [/^Connect Demo Abstract Wallet/, sign]],
      [/Demo Passport/, [/^Connect Demo Passport/, sign]],
      [/Demo Ultra Wallet/, [/^Connect Demo Ultra Wallet/, sign]],
      [/Demo Flow Wallet/, [/^Connect Demo Flow Wallet/, sign]],
    ]
    const linked = []
    for (const [wallet, prompts] of steps) {
      linked.push(await linkThroughDialog(page, wallet, prompts))
    }
    const last = linked.at(-1)!
    expect(last.wallets.map((w) => w.walletType).sort()).toEqual(
      ['agw', 'cosmos', 'evm', 'flow_cadence', 'imx', 'solana', 'substrate', 'sui', 'ton', 'ultra'].sort(),
    )
    expect(linked.find((l) => l.wallet.walletType === 'ultra')?.wallet.walletAddress).toBe(addresses.ultra)
    expect(linked.find((l) => l.wallet.walletType === 'flow_cadence')?.wallet.walletAddress).toBe(addresses.flow)
    const state = await emulatorState(stack)
    const group = state.groups.find((g) => g.userIds.includes(last.wallet.userId))
    expect(group?.userIds.sort()).toEqual(linked.map((l) => l.wallet.userId).sort())
    const snagTypes = state.users.filter((user) => group?.userIds.includes(user.id)).map((user) => user.walletType)
    expect(snagTypes.sort()).toEqual(['agw', 'cosmos', 'evm', 'flow_cadence', 'imx', 'solana', 'substrate', 'sui', 'ton', 'ultra'].sort())
    await page.close()
  }, 120_000)

  // Ultra's wallet remembers a connection it approved; FCL signs in again for each proof.
  it.each([
    [
      'an Ultra wallet declining to sign',
      /Demo Ultra Wallet/,
      [/^Connect Demo Ultra Wallet/],
      /^Sign this message/,
      'ultra',
      [/^Sign this message/],
    ],
    [
      'a Flow wallet declining to sign (through FCL)',
      /Demo Flow Wallet/,
      [/^Connect Demo Flow Wallet/],
      /^Sign this message/,
      'flow',
      [/^Connect Demo Flow Wallet/, /^Sign this message/],
    ],
    [
      'a Flow wallet declining to sign in',
      /Demo Flow Wallet/,
      [],
      /^Connect Demo Flow Wallet/,
      'flow',
      [/^Connect Demo Flow Wallet/, /^Sign this message/],
    ],
  ] as const)('%s is a refusal, and a retry links it', async (_, wallet, before, declined, key, again) => {
    const page = await openDemo(browser(), stack)
    const address = await page.evaluate((k) => window.demoWallets[k], key)
    await declineThenLink(stack, page, { wallet, address, before, declined, again })
    await page.close()
  })
})
