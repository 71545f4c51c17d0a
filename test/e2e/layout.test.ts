/** Languages, right-to-left layout, themes, and a 320 px phone, in Chromium. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { LOCALES } from '../../src/widget/i18n/index.js'
import { axeViolations } from '../support/axe.js'
import { useBrowser } from '../support/browser.js'
import { EVM_PROMPTS, answerWallet, chooseWallet, linkThroughDialog, openDemo, widgetState } from '../support/demo.js'

const stack = inject('stack')
const browser = useBrowser(beforeAll, afterAll)

describe('languages and direction', () => {
  it('speaks the locale asked for, and lays the dialog out right to left in Arabic', async () => {
    const page = await openDemo(browser(), stack)
    await page.evaluate(() => document.querySelector('link-wallet')!.setAttribute('locale', 'ar'))
    await expect.poll(() => page.locator('link-wallet [part=button]').textContent()).toContain('ربط محفظة')
    expect(await page.locator('link-wallet [part=base]').getAttribute('dir')).toBe('rtl')
    await page.locator('link-wallet [part=button]').click()
    await expect.poll(() => widgetState(page)).toBe('choosing')
    const title = await page.locator('link-wallet #title').boundingBox()
    const close = await page.locator('link-wallet .close').boundingBox()
    expect(close!.x).toBeLessThan(title!.x)
    await page.close()
  })

  it('shows its button in English before any catalog loads, and opens once English has arrived', async () => {
    const page = await browser().newPage()
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route(/\/en-[\w-]+\.js$/, async (route) => {
      await held
      await route.continue()
    })
    const params = new URLSearchParams({ relay: stack.relay, emulator: stack.emulator })
    await page.goto(`${stack.demo}/?${params}`)
    await expect.poll(() => page.locator('link-wallet [part=button]').textContent()).toContain('Link a wallet')
    await page.locator('link-wallet [part=button]').click()
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(await widgetState(page)).toBe('idle')
    release()
    await expect.poll(() => widgetState(page)).toBe('choosing')
    expect(await page.locator('link-wallet #title').textContent()).toBe('Link a wallet')
    await page.close()
  })

  it('speaks English again when the locale goes back to it before anything was opened', async () => {
    const page = await openDemo(browser(), stack)
    const widget = page.locator('link-wallet')
    await widget.evaluate((element) => element.setAttribute('locale', 'de'))
    await page.locator('link-wallet [part=base][lang=de]').waitFor()
    await widget.evaluate((element) => element.setAttribute('locale', 'en'))
    await page.locator('link-wallet [part=base][lang=en]').waitFor()
    expect(await page.locator('link-wallet [part=button]').textContent()).toContain('Link a wallet')
    await page.close()
  })

  it('speaks the language asked for last, whichever catalog arrives last', async () => {
    const page = await openDemo(browser(), stack)
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    let spanishServed!: () => void
    const served = new Promise<void>((resolve) => (spanishServed = resolve))
    await page.route(/\/es-[\w-]+\.js$/, async (route) => {
      await held
      await route.continue()
      spanishServed()
    })
    const widget = page.locator('link-wallet')
    // Every text the button shows from now on, in order.
    await widget.evaluate((element) => {
      const shown: string[] = []
      const root = element.shadowRoot!
      const record = () => shown.push(root.querySelector('[part=button]')!.textContent!.trim())
      new MutationObserver(record).observe(root, { subtree: true, childList: true, characterData: true })
      Object.assign(window, { shown })
    })
    await widget.evaluate((element) => element.setAttribute('locale', 'es'))
    await widget.evaluate((element) => element.setAttribute('locale', 'fr'))
    await expect.poll(() => page.locator('link-wallet [part=button]').textContent()).toContain('Associer un portefeuille')
    release()
    await served
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(await page.locator('link-wallet [part=base]').getAttribute('lang')).toBe('fr')
    const shown = await page.evaluate(() => (window as unknown as { shown: string[] }).shown)
    expect(shown.at(-1)).toBe('Associer un portefeuille')
    // Spanish, arriving after French was asked for, never shows, not even for a moment.
    expect(shown).not.toContain('Vincular una billetera')
    await page.close()
  })

  it('follows the page’s lang when no locale is set', async () => {
    const page = await openDemo(browser(), stack, { lang: 'es-AR' })
    await expect.poll(() => page.locator('link-wallet [part=button]').textContent()).toContain('Vincular una billetera')
    await page.close()
  })
})

describe('themes', () => {
  const background = (page: import('playwright-core').Page) =>
    page.locator('link-wallet').evaluate((host) => getComputedStyle(host).getPropertyValue('--lw-background').trim())

  it('follows prefers-color-scheme, and the theme attribute overrides it either way', async () => {
    const page = await openDemo(browser(), stack)
    await page.emulateMedia({ colorScheme: 'dark' })
    expect(await background(page)).toBe('#111827')
    await page.evaluate(() => document.querySelector('link-wallet')!.setAttribute('theme', 'light'))
    expect(await background(page)).toBe('#ffffff')
    await page.emulateMedia({ colorScheme: 'light' })
    await page.evaluate(() => document.querySelector('link-wallet')!.setAttribute('theme', 'dark'))
    expect(await background(page)).toBe('#111827')
    await page.close()
  })

  it('takes a site’s own colours through --lw-* properties and ::part', async () => {
    const page = await openDemo(browser(), stack)
    await page.addStyleTag({ content: 'link-wallet { --lw-accent: rgb(200, 0, 100) } link-wallet::part(button) { border-radius: 0px }' })
    const button = page.locator('link-wallet [part=button]')
    expect(await button.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(200, 0, 100)')
    expect(await button.evaluate((el) => getComputedStyle(el).borderRadius)).toBe('0px')
    await page.close()
  })
})

describe('text on the accent', () => {
  /** WCAG contrast of the button's text on its background, colours read through a canvas (any CSS colour syntax). */
  const buttonContrast = (page: import('playwright-core').Page) =>
    page.locator('link-wallet [part=button]').evaluate((el) => {
      const style = getComputedStyle(el)
      const context = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!
      const luminance = (color: string) => {
        context.clearRect(0, 0, 1, 1)
        context.fillStyle = color
        context.fillRect(0, 0, 1, 1)
        const [r, g, b] = [...context.getImageData(0, 0, 1, 1).data].map((v) => {
          const c = v / 255
          return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
        })
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
      }
      const [a, b] = [luminance(style.color), luminance(style.backgroundColor)].sort((x, y) => y - x)
      return (a! + 0.05) / (b! + 0.05)
    })

  it('is black or white, whichever reads better on the accent, in either theme, unless the page names it', async () => {
    const page = await openDemo(browser(), stack)
    const widget = page.locator('link-wallet')
    for (const [theme, accent] of [
      ['dark', '#7c3aed'],
      ['dark', '#fbbf24'],
      ['light', '#0f766e'],
      ['light', '#a3e635'],
      ['dark', '#818cf8'],
      ['light', '#4f46e5'],
    ] as const) {
      await widget.evaluate(
        (el, [t, a]) => {
          el.setAttribute('theme', t)
          ;(el as HTMLElement).style.setProperty('--lw-accent', a)
        },
        [theme, accent] as const,
      )
      expect(await buttonContrast(page), `${theme} ${accent}`).toBeGreaterThanOrEqual(4.5)
    }
    await widget.evaluate((el) => (el as HTMLElement).style.setProperty('--lw-accent-contrast', 'rgb(255, 0, 0)'))
    expect(await page.locator('link-wallet [part=button]').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(255, 0, 0)')
    await page.close()
  })
})

describe('a phone without wallets', () => {
  it('offers deep links that open the page in a wallet app’s browser', async () => {
    const page = await browser().newPage({ viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true })
    await page.goto(
      `${stack.demo}/?${new URLSearchParams({ relay: stack.relay, emulator: stack.emulator, wallets: 'none', chains: 'evm solana' })}`,
    )
    await page.waitForFunction(() => 'demoWallets' in window)
    await page.getByRole('button', { name: 'Link a wallet' }).click()
    const metamask = page.getByRole('link', { name: /Open in MetaMask/ })
    await expect.poll(() => metamask.count()).toBe(1)
    const demo = new URL(stack.demo)
    expect(await metamask.getAttribute('href')).toMatch(
      new RegExp(`^https://metamask\\.app\\.link/dapp/${demo.host.replace('.', '\\.')}/\\?`),
    )
    expect(await page.getByRole('link', { name: /Open in Phantom/ }).getAttribute('href')).toMatch(
      /^https:\/\/phantom\.app\/ul\/browse\/http/,
    )
    await page.close()
  })

  it('offers no deep link on a desktop', async () => {
    const page = await openDemo(browser(), stack, { wallets: 'none', chains: 'evm solana' })
    await page.getByRole('button', { name: 'Link a wallet' }).click()
    await expect.poll(() => widgetState(page)).toBe('choosing')
    await page.waitForTimeout(300)
    expect(await page.locator('link-wallet a[part=wallet-option]').count()).toBe(0)
    await page.close()
  })
})

describe('a 320 px phone', () => {
  it('fits the width, and every control is at least 44 px square', async () => {
    const page = await browser().newPage({ viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true })
    await page.goto(`${stack.demo}/?${new URLSearchParams({ relay: stack.relay, emulator: stack.emulator })}`)
    await page.waitForFunction(() => 'demoWallets' in window)
    await chooseWallet(page, /Demo Solana Wallet/)
    await answerWallet(page, /^Sign in with Solana/)
    await expect.poll(() => widgetState(page)).toBe('linked')
    const sizes = async () =>
      page.locator('link-wallet').evaluate((host) =>
        [...host.shadowRoot!.querySelectorAll('button, a[href], input')]
          .filter((el) => (el as HTMLElement).offsetParent !== null || el.closest('dialog[open]'))
          .map((el) => {
            const box = el.getBoundingClientRect()
            return { text: el.textContent?.trim() || el.getAttribute('aria-label'), width: box.width, height: box.height, right: box.right }
          }),
      )
    for (const control of await sizes()) {
      expect(control.height, `${control.text} height`).toBeGreaterThanOrEqual(44)
      expect(control.width, `${control.text} width`).toBeGreaterThanOrEqual(44)
      expect(control.right, `${control.text} fits`).toBeLessThanOrEqual(320)
    }
    await page.getByRole('button', { name: 'Done' }).click()
    await expect.poll(() => widgetState(page)).toBe('idle')
    for (const control of await sizes()) {
      expect(control.height, `${control.text} height`).toBeGreaterThanOrEqual(44)
      expect(control.right, `${control.text} fits`).toBeLessThanOrEqual(320)
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
    await page.close()
  })
})

describe('the wallet list', () => {
  for (const viewport of [
    { width: 360, height: 740 },
    { width: 1280, height: 900 },
  ])
    it(`shows every wallet's whole name, on two lines where it needs them, at ${viewport.width} px`, async () => {
      const page = await browser().newPage({ viewport })
      await page.goto(`${stack.demo}/?${new URLSearchParams({ relay: stack.relay, emulator: stack.emulator })}`)
      await page.waitForFunction(() => 'demoWallets' in window)
      await page.locator('link-wallet [part=button]').click()
      await expect.poll(() => page.locator('link-wallet [part=wallet-option]', { hasText: 'QR code' }).count()).toBeGreaterThan(0)
      await expect.poll(() => page.locator('link-wallet [part=wallet-option]').count()).toBeGreaterThanOrEqual(10)
      const options = await page.locator('link-wallet').evaluate((host) =>
        [...host.shadowRoot!.querySelectorAll('[part=wallet-option]')].map((option) => {
          const name = option.querySelector('.name')!
          return {
            name: name.textContent!.trim(),
            // Clipped text (an ellipsis) leaves more to scroll than the box shows.
            whole: name.scrollWidth <= name.clientWidth && name.scrollHeight <= name.clientHeight,
            lines: Math.round(name.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(name).lineHeight)),
            badge: option.querySelector('.chain')?.textContent?.trim() ?? null,
          }
        }),
      )
      expect(options.filter((option) => !option.whole)).toEqual([])
      expect(Math.max(...options.map((option) => option.lines))).toBeLessThanOrEqual(2)
      // A QR code's row names its chain already ("Another Solana wallet (QR code)"): no badge repeats it.
      for (const option of options) expect(option.badge === null, JSON.stringify(option)).toBe(option.name.includes('QR code'))
      await page.close()
    })
})

describe('the linked wallets on a 360 px phone', () => {
  for (const locale of ['en', 'ar'] as const)
    it(`keeps each wallet on one line, in aligned columns (${locale})`, async () => {
      const page = await browser().newPage({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true })
      await page.goto(`${stack.demo}/?${new URLSearchParams({ relay: stack.relay, emulator: stack.emulator })}`)
      await page.waitForFunction(() => 'demoWallets' in window)
      await linkThroughDialog(page, /Demo EVM Wallet/, EVM_PROMPTS)
      await linkThroughDialog(page, /Demo Substrate Wallet/, [/^Connect/, /^Sign this message/])
      await linkThroughDialog(page, /Demo TON Wallet/, [/^Connect/])
      if (locale === 'ar') {
        await page.evaluate(() => document.querySelector('link-wallet')!.setAttribute('locale', 'ar'))
        await page.locator('link-wallet [part=base][dir=rtl]').waitFor()
      }
      const rows = await page.locator('link-wallet').evaluate((host) =>
        [...host.shadowRoot!.querySelectorAll('[part=wallet]')].map((row) => {
          const box = (selector: string) => row.querySelector(selector)!.getBoundingClientRect()
          const parts = ['.chain-icon', '.chain-name', 'code', 'button[aria-label]', 'button:not([aria-label]), button.text:last-child']
          const middles = parts.map((selector) => {
            const b = box(selector)
            return Math.round(b.top + b.height / 2)
          })
          return {
            middles,
            code: Math.round(box('code').left),
            copy: Math.round(box('button[aria-label]').left),
            right: row.getBoundingClientRect().right,
          }
        }),
      )
      expect(rows).toHaveLength(3)
      for (const row of rows) {
        // One line: every part of the row centred on the same line (within 2 px).
        expect(Math.max(...row.middles) - Math.min(...row.middles), JSON.stringify(row)).toBeLessThanOrEqual(2)
        expect(row.right).toBeLessThanOrEqual(360)
      }
      // Aligned: the addresses start, and the copy buttons sit, at one x on every row.
      expect(new Set(rows.map((row) => row.code)).size).toBe(1)
      expect(new Set(rows.map((row) => row.copy)).size).toBe(1)
      if (locale === 'ar') {
        // Addresses read left to right inside Arabic; Cancel and Unlink read differently.
        expect(await page.locator('link-wallet [part=wallet] code').first().getAttribute('dir')).toBe('ltr')
        await page.locator('link-wallet [part=wallet] button.text:not([aria-label*="نسخ"])').first().click()
        const [unlink, cancel] = await page.locator('link-wallet .confirm button').allTextContents()
        expect(cancel!.trim().startsWith(unlink!.trim().split(' ')[0]!)).toBe(false)
        expect(await page.locator('link-wallet .question').textContent()).toMatch(/\u2068.+\u2069/)
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
      await page.close()
    })
})

describe('every language on a 320 px phone', () => {
  it('fits the wallet list and the linked wallets in all fifteen catalogs, and axe finds nothing', async () => {
    const page = await browser().newPage({ viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true })
    await page.goto(`${stack.demo}/?${new URLSearchParams({ relay: stack.relay, emulator: stack.emulator })}`)
    await page.waitForFunction(() => 'demoWallets' in window)
    // axe reads colours as shown: no dialog fading in while it looks.
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await linkThroughDialog(page, /Demo Solana Wallet/, [/^Sign in with Solana/])
    const widget = page.locator('link-wallet')
    /** Elements of the widget that reach past the screen's right edge (or its left, right to left). */
    const overflowing = () =>
      widget.evaluate((host) =>
        [...host.shadowRoot!.querySelectorAll('*')]
          .filter((el) => el.getClientRects().length && !el.closest('.sr-only'))
          .filter((el) => {
            // What shows of it: clipped by the nearest ancestor that hides its overflow (an ellipsis cell).
            let box = el.getBoundingClientRect()
            for (let up = el.parentElement; up; up = up.parentElement)
              if (['hidden', 'clip'].includes(getComputedStyle(up).overflowX)) {
                const clip = up.getBoundingClientRect()
                box = new DOMRect(
                  Math.max(box.left, clip.left),
                  box.top,
                  Math.min(box.right, clip.right) - Math.max(box.left, clip.left),
                  box.height,
                )
                break
              }
            return box.width > 1 && (box.right > 320.5 || box.left < -0.5)
          })
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.trim().slice(0, 40)}`),
      )
    for (const locale of LOCALES) {
      await widget.evaluate((el, l) => el.setAttribute('locale', l), locale)
      await page.locator(`link-wallet [part=base][lang=${locale}]`).waitFor()
      expect(await overflowing(), `${locale}: linked wallets`).toEqual([])
      await page.locator('link-wallet [part=button]').click()
      await expect.poll(() => widgetState(page)).toBe('choosing')
      await expect.poll(() => page.locator('link-wallet [part=wallet-option]').count()).toBeGreaterThan(3)
      expect(await overflowing(), `${locale}: wallet list`).toEqual([])
      expect(await axeViolations(page), locale).toEqual([])
      await page.keyboard.press('Escape')
      await expect.poll(() => widgetState(page)).toBe('idle')
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
    await page.close()
  }, 120_000)
})
