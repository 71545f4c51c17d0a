/**
 * The widgets sites use today, each installed only for the benchmarks and the
 * screenshots in its own folder here (own package.json and lock file, as their
 * versions of wagmi differ), built for production and served as a static site.
 */
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { build } from 'vite'
import { listen } from '../../src/relay/listen.js'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export type Competitor = { name: string; dir: string; open: (page: Page) => Promise<void> }

export const COMPETITORS: readonly Competitor[] = [
  { name: 'Reown AppKit (wagmi adapter)', dir: 'appkit', open: (page) => page.click('#open') },
  { name: '@tonconnect/ui', dir: 'tonconnect-ui', open: (page) => page.click('#open') },
  { name: 'RainbowKit ConnectButton', dir: 'rainbowkit', open: (page) => page.getByRole('button', { name: /connect/i }).click() },
]

/** `npm ci` in a competitor's folder the first time it is needed. */
export function install(competitor: Competitor) {
  const cwd = here(competitor.dir)
  if (existsSync(`${cwd}/node_modules`)) return
  console.log(`Installing ${competitor.dir} in bench/competitors/${competitor.dir} (once)…`)
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd, stdio: 'inherit' })
}

/** Builds the competitor for production and serves it; `files` maps a URL path to the file sent. */
export async function serve(competitor: Competitor) {
  install(competitor)
  const outDir = here(`dist/${competitor.dir}`)
  await build({
    root: here(competitor.dir),
    logLevel: 'error',
    oxc: { jsx: { runtime: 'automatic' } },
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 10_000 },
  })
  const site = new Hono()
    .get('/tonconnect-manifest.json', (c) => c.json({ url: 'http://127.0.0.1', name: 'bench', iconUrl: 'http://127.0.0.1/icon.png' }))
    .use('/*', serveStatic({ root: outDir }))
  const server = await listen(site.fetch, '127.0.0.1', 0)
  return { url: server.url, file: (path: string) => `${outDir}${path}`, close: () => server.close() }
}
