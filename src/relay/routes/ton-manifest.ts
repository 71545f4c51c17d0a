/**
 * `GET /tonconnect-manifest.json`: the TON Connect app manifest, built from the
 * relay's configuration. Wallets sign a ton_proof for the host of its `url`, so
 * the manifest names the page's own origin (`?origin=`, when allowed).
 */
import { Hono } from 'hono'
import { cors } from 'hono/cors'
import type { TonConnectManifest } from '../../protocol/relay.js'
import type { RelaySettings } from '../env.js'

export const MANIFEST_PATH = '/tonconnect-manifest.json'

/** The manifest URL for a page at `origin` (the relay's own URL when no origin is known). */
export function manifestUrlFor(base: URL, origin: string | undefined): string {
  const url = new URL(base)
  url.search = ''
  if (origin) url.searchParams.set('origin', origin)
  return url.href
}

export function tonManifestRoute(settings: RelaySettings) {
  const allowed = new Set(settings.allowedOrigins)
  return new Hono().get(MANIFEST_PATH, cors({ origin: '*' }), (c) => {
    const asked = c.req.query('origin')
    const url = asked && allowed.has(asked) ? asked : settings.allowedOrigins[0]!
    const manifest: TonConnectManifest = {
      url,
      name: settings.ton.app.name,
      iconUrl: settings.ton.app.iconUrl ?? new URL('/favicon.ico', url).href,
    }
    c.header('Cache-Control', 'public, max-age=300')
    return c.json(manifest)
  })
}
