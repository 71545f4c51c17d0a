/**
 * Smart-contract wallets in Chromium: an EIP-6963 wallet whose account is a Safe
 * (Safe 1.4.1's contracts on anvil) links through the widget, the relay checking
 * its signature on the node through EVM_RPC_URLS. The wallet lives in the page;
 * its owner key signs in Node (viem), reached through a binding.
 */
import type { Page } from 'playwright-core'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { startAnvil, type Anvil } from '../support/anvil.js'
import { useBrowser } from '../support/browser.js'
import { chooseWallet, emulatorUsers, nextLinked, widgetState } from '../support/demo.js'
import { startBin, urlIn, type Running } from '../support/processes.js'
import { deploySafe } from '../support/safe.js'

const { demo } = inject('stack')
const browser = useBrowser(beforeAll, afterAll)

let mainnet: Anvil
let abstract: Anvil
let relay: Running
let stack: { relay: string; emulator: string }

beforeAll(async () => {
  ;[mainnet, abstract] = await Promise.all([startAnvil(1), startAnvil(2741)])
  relay = await startBin(
    ['--emulate'],
    {
      PORT: '0',
      ALLOWED_ORIGINS: demo,
      LOG_LEVEL: 'warn',
      CHAINS: 'evm,agw',
      EVM_CHAIN_IDS: '1',
      EVM_RPC_URLS: `1=${mainnet.url},2741=${abstract.url}`,
    },
    2,
  )
  stack = { relay: urlIn(relay.lines[0]), emulator: urlIn(relay.lines[1]) }
})
afterAll(async () => {
  await relay?.stop()
  await Promise.all([mainnet?.stop(), abstract?.stop()])
})

type WalletSetup = {
  name: string
  rdns: string
  address: string
  /** The chain the wallet starts on. */
  chainId: number
  /** Whether it agrees to switch chains. */
  switches: boolean
  sign(message: string): Promise<string>
}

/** Opens the demo against the smart-account relay, with `wallet` announced through EIP-6963. */
async function openWith(wallet: WalletSetup): Promise<Page> {
  const page = await browser().newPage()
  await page.exposeFunction('__smartAccountSign', (message: string) => wallet.sign(message))
  await page.addInitScript(
    ({ name, rdns, address, chainId, switches }) => {
      let chain = chainId
      const fail = (code: number, message: string) => Object.assign(new Error(message), { code })
      const provider = {
        async request({ method, params }: { method: string; params?: unknown[] }) {
          if (method === 'eth_requestAccounts' || method === 'eth_accounts') return [address]
          if (method === 'eth_chainId') return `0x${chain.toString(16)}`
          if (method === 'wallet_switchEthereumChain') {
            if (!switches) throw fail(4001, 'User rejected the request.')
            chain = Number.parseInt((params as [{ chainId: string }])[0].chainId, 16)
            return null
          }
          if (method === 'personal_sign') {
            const hex = (params as [string])[0].slice(2)
            const message = new TextDecoder().decode(new Uint8Array(hex.match(/../g)!.map((byte) => Number.parseInt(byte, 16))))
            return (window as unknown as { __smartAccountSign(m: string): Promise<string> }).__smartAccountSign(message)
          }
          throw fail(4200, `unsupported ${method}`)
        },
        on() {},
        removeListener() {},
      }
      const info = Object.freeze({
        uuid: crypto.randomUUID(),
        name,
        icon: 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg"/>',
        rdns,
      })
      const announce = () =>
        window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info, provider }) }))
      window.addEventListener('eip6963:requestProvider', announce)
      announce()
    },
    { name: wallet.name, rdns: wallet.rdns, address: wallet.address, chainId: wallet.chainId, switches: wallet.switches },
  )
  // Without the demo's own wallets: its Abstract wallet would share this one's rdns.
  const params = new URLSearchParams({ relay: stack.relay, emulator: stack.emulator, wallets: 'none' })
  await page.goto(`${demo}/?${params}`)
  await page.waitForFunction(() => customElements.get('link-wallet') !== undefined && 'demoWallets' in window)
  return page
}

describe('smart-contract wallets in Chromium, checked on anvil', () => {
  it('links a Safe not deployed yet (ERC-6492), after asking the wallet to switch to an allowed chain', async () => {
    const safes = await deploySafe(mainnet)
    const account = await safes.account(privateKeyToAccount(generatePrivateKey()))
    const page = await openWith({
      name: 'Test Safe',
      rdns: 'dev.link-wallet.test.safe',
      address: account.address,
      chainId: 5,
      switches: true,
      sign: (message) => account.sign6492(message),
    })
    const linked = nextLinked(page)
    await chooseWallet(page, /Test Safe/)
    const event = await linked
    expect(event.wallet).toMatchObject({ walletType: 'evm', walletAddress: account.address })
    expect((await emulatorUsers(stack as never)).find((user) => user.walletAddress === account.address)).toMatchObject({
      walletType: 'evm',
    })
    expect(await account.deployed()).toBe(false)
    await page.close()
  })

  it('says so when the wallet does not switch to an allowed chain, and asks for no signature', async () => {
    let signed = 0
    const page = await openWith({
      name: 'Test Safe',
      rdns: 'dev.link-wallet.test.safe',
      address: privateKeyToAccount(generatePrivateKey()).address,
      chainId: 5,
      switches: false,
      sign: async () => {
        signed++
        return '0x'
      },
    })
    await chooseWallet(page, /Test Safe/)
    await expect.poll(() => widgetState(page)).toBe('error')
    expect(await page.locator('link-wallet [part=error]').textContent()).toContain('Your wallet is on a network this site does not accept')
    expect(signed).toBe(0)
    await page.close()
  })

  it('lists an Abstract Global Wallet once, under its own chain, and links it as agw on chain 2741', async () => {
    const safes = await deploySafe(abstract)
    const account = await safes.account(privateKeyToAccount(generatePrivateKey()))
    await account.deploy()
    const page = await openWith({
      name: 'Abstract',
      rdns: 'xyz.abs.privy',
      address: account.address,
      chainId: 2741,
      switches: true,
      sign: (message) => account.sign(message),
    })
    await page.getByRole('button', { name: /^Link (a|another) wallet$/ }).click()
    const options = page.locator('link-wallet [part=wallet-option]', { hasText: 'Abstract' })
    // Listed under EVM first, then under its own chain once Abstract's code has reported it: wait for that.
    await expect.poll(() => options.textContent()).toContain('Abstract Global Wallet')
    expect(await options.count()).toBe(1)
    const linked = nextLinked(page)
    await options.click()
    expect((await linked).wallet).toMatchObject({ walletType: 'agw', walletAddress: account.address })
    await page.close()
  })
})
