/** Debian's Chromium, driven by playwright-core (test tools cannot download browsers here). */
import { chromium, type Browser } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** One Chromium for the test file: launched before its tests, closed after. */
export function useBrowser(beforeAll: (fn: () => Promise<void>) => void, afterAll: (fn: () => Promise<void>) => void) {
  const holder: { browser?: Browser } = {}
  beforeAll(async () => {
    holder.browser = await launchChromium()
  })
  afterAll(async () => {
    await holder.browser?.close()
  })
  return () => {
    if (!holder.browser) throw new Error('Chromium is not running yet')
    return holder.browser
  }
}
