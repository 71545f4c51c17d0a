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

/** The manifest URL for a page at `origin`, on the relay's public URL (from configuration, never from a request). */
export function manifestUrlFor(publicUrl: string, origin: string | undefined): string {
  const url = new URL(MANIFEST_PATH.slice(1), publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`)
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
