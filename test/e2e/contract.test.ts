/**
 * The widget checks the relay's answers against the shared schemas instead of
 * trusting a cast, and speaks sensibly of what it does not know: a code from a
 * newer relay gets the generic text (the code itself still reaches lw-error), an
 * answer off the protocol is said to be one this page does not understand.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { useBrowser } from '../support/browser.js'
import { openDemo } from '../support/demo.js'

const stack = inject('stack')
const browser = useBrowser(beforeAll, afterAll)

async function openWithConfig(answer: { status: number; body: unknown }): Promise<{ page: Page; code: Promise<string> }> {
  const page = await openDemo(browser(), stack)
  await page.route(`${stack.relay}/v1/config`, (route) =>
    route.fulfill({
      status: answer.status,
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': stack.demo },
      body: JSON.stringify(answer.body),
    }),
  )
  const code = page.evaluate(
    () => new Promise<string>((resolve) => document.addEventListener('lw-error', (e) => resolve(e.code), { once: true })),
  )
  await page.getByRole('button', { name: /^Link (a|another) wallet$/ }).click()
  return { page, code }
}

describe('the widget and the relay’s answers', () => {
  it('shows the generic text for an error code it does not know, and passes the code on', async () => {
    const { page, code } = await openWithConfig({
      status: 503,
      body: { error: { code: 'chain_on_fire', message: 'A newer relay says so.', retryable: true } },
    })
    expect(await code).toBe('chain_on_fire')
    await expect.poll(() => page.locator('link-wallet [part=error]').textContent()).toBe('Something went wrong. Try again.')
    await page.close()
  })

  it('says so when an answer is not one of the protocol’s', async () => {
    const { page, code } = await openWithConfig({ status: 200, body: { chains: 'evm', challengeTtlSeconds: 'soon' } })
    expect(await code).toBe('relay_incompatible')
    await expect
      .poll(() => page.locator('link-wallet [part=error]').textContent())
      .toBe('The link service answered in a way this page does not understand. Try again later.')
    await page.close()
  })
})
