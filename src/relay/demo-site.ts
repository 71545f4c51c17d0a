/**
 * The hosted demo (`--emulate --demo`): one Node process, one port, serving the
 * built demo page at `/`, the emulator under `/__snag/` (its state for the page's
 * panel), and the relay's own routes. Nothing here runs unless asked for.
 */
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const DEMO_DIR = fileURLToPath(new URL('../../dist/demo/', import.meta.url))
export const EMULATOR_PREFIX = '/__snag'

export class DemoNotBuiltError extends Error {
  override name = 'DemoNotBuiltError'
  constructor() {
    super(`The demo is not built: run "npm run build" first (looked in ${DEMO_DIR}).`)
  }
}

/** The script that tells the demo page where its relay and emulator are (read by demo/main.ts). */
export function demoSettingsScript(settings: { relay?: string | undefined; emulator?: string | undefined }): string {
  return `window.__LINK_WALLET_DEMO__ = ${JSON.stringify(settings).replaceAll('<', '\\u003c')}`
}

/** The demo page and its assets, the page told where the emulator's state is. */
export function demoSite(emulatorUrl: string) {
  const indexFile = `${DEMO_DIR}index.html`
  if (!existsSync(indexFile)) throw new DemoNotBuiltError()
  const index = readFileSync(indexFile, 'utf8').replace('<head>', `<head><script>${demoSettingsScript({ emulator: emulatorUrl })}</script>`)
  return new Hono()
    .get('/', (c) => c.html(index))
    .get('/index.html', (c) => c.html(index))
    .use('/assets/*', serveStatic({ root: DEMO_DIR }))
}
