/** Driving the demo page in Chromium: open it, approve in its demo wallets, watch the widget's events. */
import type { Browser, Page } from 'playwright-core'
import { expect } from 'vitest'

export type Stack = { demo: string; relay: string; emulator: string; hostTokenSecret: string }

export type EmulatorUser = { id: string; walletType: string; walletAddress: string; userGroupId: string | null }

export async function openDemo(browser: Browser, stack: Stack, query: Record<string, string> = {}): Promise<Page> {
  const page = await browser.newPage()
  const params = new URLSearchParams({ relay: stack.relay, emulator: stack.emulator, ...query })
  await page.goto(`${stack.demo}/?${params}`)
  await page.waitForFunction(() => customElements.get('link-wallet') !== undefined && 'demoWallets' in window)
  return page
}

type Wallet = { userId: string; walletType: string; walletAddress: string; linkedAt: string }
export type LinkedFields = { wallet: Wallet; wallets: Wallet[]; bubbles: boolean; composed: boolean }

/**
 * Resolves with the next `lw-linked` event's fields, seen from the page; rejects, naming the
 * widget's error, when `lw-error` comes first (else a failed link would only time the test out).
 * `no_wallets` is not a failure: it says what the list offers.
 */
export async function nextLinked(page: Page): Promise<LinkedFields> {
  const outcome = await page.evaluate(
    () =>
      new Promise<{ linked: LinkedFields } | { error: string }>((resolve) => {
        const onError = (event: DocumentEventMap['lw-error']) => {
          if (event.code === 'no_wallets') return
          document.removeEventListener('lw-error', onError)
          resolve({ error: `${event.code}: ${event.message}` })
        }
        document.addEventListener('lw-error', onError)
        document.addEventListener(
          'lw-linked',
          (event) => {
            document.removeEventListener('lw-error', onError)
            resolve({ linked: { wallet: event.wallet, wallets: event.wallets, bubbles: event.bubbles, composed: event.composed } })
          },
          { once: true },
        )
      }),
  )
  if ('error' in outcome) throw new Error(`the widget failed instead of linking: ${outcome.error}`)
  return outcome.linked
}

export type EmulatorState = {
  users: EmulatorUser[]
  groups: { id: string; userIds: string[] }[]
  metadata: Record<string, Record<string, unknown>>
  velt: Record<string, Record<string, string[]>>
}

export async function emulatorState(stack: Stack): Promise<EmulatorState> {
  return (await (await fetch(`${stack.emulator}/__emulator/state`)).json()) as EmulatorState
}

export async function emulatorUsers(stack: Stack): Promise<EmulatorUser[]> {
  return (await emulatorState(stack)).users
}

/** Waits for the demo wallet's prompt titled like `title`, and answers it. */
export async function answerWallet(page: Page, title: RegExp, answer: 'approve' | 'reject' = 'approve'): Promise<string> {
  await expect
    .poll(() =>
      page
        .locator('#approval[open] #approval-title')
        .textContent()
        .catch(() => ''),
    )
    .toMatch(title)
  const message = (await page.locator('#approval-message').textContent()) ?? ''
  await page.locator(`#approval-${answer}`).click()
  return message
}

export async function chooseWallet(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('button', { name: /^Link (a|another) wallet$/ }).click()
  await page.getByRole('button', { name }).click()
}

export const widgetState = (page: Page) => page.locator('link-wallet').getAttribute('state')

/** Links one demo wallet through the dialog, answering its prompts, and closes the dialog; resolves the `lw-linked` fields. */
export async function linkThroughDialog(page: Page, wallet: RegExp, prompts: RegExp[]): Promise<LinkedFields> {
  const linked = nextLinked(page)
  await chooseWallet(page, wallet)
  for (const prompt of prompts) await answerWallet(page, prompt)
  const event = await linked
  await page.getByRole('button', { name: 'Done' }).click()
  await expect.poll(() => widgetState(page)).toBe('idle')
  return event
}

/** The demo EVM wallet's prompts: connect, then sign. */
export const EVM_PROMPTS = [/^Connect Demo EVM/, /^Sign this message/]

export type Declining = {
  /** The wallet's button in the list. */
  wallet: RegExp
  /** The demo wallet's address (`window.demoWallets`). */
  address: string
  /** Prompts approved before the one declined. */
  before: readonly RegExp[]
  declined: RegExp
  /** Prompts approved after "Try again". */
  again: readonly RegExp[]
}

/**
 * Chooses the wallet and declines one of its prompts: the widget shows the
 * refusal (`lw-error` with `user_rejected`) and Snag holds nothing of the wallet;
 * then "Try again", with the later prompts approved, links it.
 */
export async function declineThenLink(stack: Stack, page: Page, { wallet, address, before, declined, again }: Declining): Promise<void> {
  const errors: string[] = []
  await page.exposeFunction('recordError', (code: string) => errors.push(code))
  await page.evaluate(() =>
    document.addEventListener('lw-error', (event) => (window as never as { recordError(c: string): void }).recordError(event.code)),
  )
  await chooseWallet(page, wallet)
  for (const prompt of before) await answerWallet(page, prompt)
  await answerWallet(page, declined, 'reject')
  await expect.poll(() => widgetState(page)).toBe('error')
  expect(await page.locator('link-wallet [part=error]').textContent()).toBe('You declined the request in your wallet. Nothing was linked.')
  expect(errors).toEqual(['user_rejected'])
  expect((await emulatorUsers(stack)).some((u) => u.walletAddress === address)).toBe(false)

  const linked = nextLinked(page)
  await page.getByRole('button', { name: 'Try again' }).click()
  for (const prompt of again) await answerWallet(page, prompt)
  expect((await linked).wallet.walletAddress).toBe(address)
  expect((await emulatorUsers(stack)).some((u) => u.walletAddress === address)).toBe(true)
}
