/**
 * TON: TON Connect with a `ton_proof` whose payload is the relay's nonce; wallets
 * in the page answer through their JS bridge, any other scans a QR code. The
 * relay serves the app manifest wallets show (`/tonconnect-manifest.json`).
 */
import { z } from 'zod/mini'
import { LIMITS, bounded } from '../bounded.js'
import { envVar, HttpUrl, type ChainSpec } from '../spec.js'
import { TonChain } from '../../protocol/snag-enums.js'
import { tonFriendlyAddress } from './address.js'

/** A TON Connect `ton_proof` answer, as a browser may send it. */
export const TonProof = z.strictObject({
  tonVerification: z.strictObject({
    proof: z.strictObject({
      timestamp: z.number().check(z.int(), z.gte(0)),
      domain: z.strictObject({
        lengthBytes: z.number().check(z.int(), z.gte(0)),
        value: bounded(LIMITS.domain),
      }),
      payload: bounded(LIMITS.nonce),
      signature: bounded(LIMITS.signature),
      state_init: z.optional(bounded(LIMITS.stateInit)),
    }),
    account: z.strictObject({
      address: bounded(LIMITS.address),
      chain: TonChain,
      publicKey: bounded(LIMITS.address),
      walletStateInit: z.optional(bounded(LIMITS.stateInit)),
    }),
  }),
})
export type TonProof = z.infer<typeof TonProof>

export type TonSettings = { network: TonChain; app: { name: string; iconUrl?: string | undefined } }
export const TonPublic = z.object({ network: TonChain, manifestUrl: z.optional(z.string()) })
export type TonPublic = z.infer<typeof TonPublic>

export const MANIFEST_PATH = '/tonconnect-manifest.json'

/** The manifest URL for a page at `origin`, on the relay's public URL (from configuration, never from a request). */
export function manifestUrlFor(publicUrl: string, origin: string | undefined): string {
  const url = new URL(MANIFEST_PATH.slice(1), publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`)
  if (origin) url.searchParams.set('origin', origin)
  return url.href
}

export const ton = {
  id: 'ton',
  walletType: 'ton',
  snagVerifies: true,
  name: { en: 'TON' },
  icon: 'M2 3h12L8 14zm2.3 1.4L7.3 10V4.4zm4.4 0V10l3-5.6z',
  getWallet: { name: 'Tonkeeper', url: 'https://tonkeeper.com/' },
  displayAddress: (address) => tonFriendlyAddress(address),
  proof: TonProof,
  env: {
    TON_NETWORK: envVar(
      'the TON network a proof must name (-239 mainnet, -3 testnet)',
      '-239',
      z.enum(TonChain.options, { error: 'must be -239 (mainnet) or -3 (testnet)' }),
    ),
    TON_APP_NAME: envVar('the name TON wallets show from the manifest', 'link-wallet', z.string().check(z.minLength(1), z.maxLength(64))),
    TON_APP_ICON_URL: envVar('the icon TON wallets show from the manifest (default: the page’s /favicon.ico)', undefined, HttpUrl),
  },
  settings: (env) => ({
    network: env.TON_NETWORK as TonChain,
    app: { name: env.TON_APP_NAME as string, iconUrl: env.TON_APP_ICON_URL as string | undefined },
  }),
  publicSettings: TonPublic,
  toPublic: (settings, { publicUrl, origin }) => ({
    network: settings.network,
    ...(publicUrl ? { manifestUrl: manifestUrlFor(publicUrl, origin) } : {}),
  }),
  forSnag: ({ tonVerification }) => ({ tonVerification }),
} as const satisfies ChainSpec<'ton', TonSettings, TonPublic, TonProof>
