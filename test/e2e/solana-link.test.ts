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

  it('links through a legacy injected provider (window.phantom.solana) when no standard wallet is present', async () => {
    const page = await browser().newPage()
    // A pre-Wallet-Standard provider with a real Ed25519 key (Web Crypto), as Phantom injected it.
    await page.addInitScript(() => {
      const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
      const base58 = (bytes: Uint8Array) => {
        let n = BigInt(`0x${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('') || '0'}`)
        let out = ''
        while (n > 0n) {
          out = ALPHABET[Number(n % 58n)] + out
          n /= 58n
        }
        for (const b of bytes)
          if (b === 0) out = `1${out}`
          else break
        return out
      }
      const keys = crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify']) as Promise<CryptoKeyPair>
      const address = keys.then(async ({ publicKey }) => base58(new Uint8Array(await crypto.subtle.exportKey('raw', publicKey))))
      ;(window as unknown as { phantom: unknown }).phantom = {
        solana: {
          isPhantom: true,
          connect: async () => {
            const text = await address
            ;(window as unknown as { legacyAddress: string }).legacyAddress = text
            return { publicKey: { toString: () => text } }
          },
          signMessage: async (message: Uint8Array<ArrayBuffer>) => ({
            signature: new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, (await keys).privateKey, message)),
          }),
        },
      }
    })
    const params = new URLSearchParams({ relay: stack.relay, emulator: stack.emulator, wallets: 'none', chains: 'solana' })
    await page.goto(`${stack.demo}/?${params}`)
    await page.waitForFunction(() => customElements.get('link-wallet') !== undefined)
    const linked = nextLinked(page)
    await chooseWallet(page, /^Phantom/)
    const event = await linked
    const address = await page.evaluate(() => (window as unknown as { legacyAddress: string }).legacyAddress)
    expect(event.wallet).toMatchObject({ walletType: 'solana', walletAddress: address })
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
