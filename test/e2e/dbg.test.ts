import { afterAll, beforeAll, describe, inject, it } from 'vitest'
import { useBrowser } from '../support/browser.js'
import { openDemo } from '../support/demo.js'
const stack = inject('stack')
const browser = useBrowser(beforeAll, afterAll)
describe('dbg', () => {
  it('flow', async () => {
    const page = await openDemo(browser(), stack)
    page.on('console', (m) => {
      if (!/CORS|ERR_FAILED/.test(m.text())) console.log('CONSOLE', m.type(), m.text().slice(0, 400))
    })
    page.on('pageerror', (e) => console.log('PAGEERROR', e.message))
    page.on('requestfailed', (r) => console.log('REQFAIL', r.url()))
    await page.evaluate(() => window.addEventListener('message', (e) => console.log('MSG', JSON.stringify(e.data).slice(0, 300))))
    await page.getByRole('button', { name: /^Link (a|another) wallet$/ }).click()
    await page.getByRole('button', { name: /Demo Flow Wallet/ }).click()
    for (let i = 0; i < 6; i++) {
      await page.waitForTimeout(1500)
      console.log(
        'STATE',
        await page.locator('link-wallet').getAttribute('state'),
        (await page.locator('link-wallet [part=dialog]').textContent())?.replace(/\s+/g, ' ').slice(0, 300),
      )
    }
  }, 60_000)
})
