/**
 * Substrate (Polkadot): extensions injected in the page (polkadot{.js},
 * Talisman, SubWallet) sign the relay's CAIP-122 text with `signRaw`, which
 * wraps it in `<Bytes>…</Bytes>`; the signature travels as the 0x-hex the
 * extension returns. Operators name the network: its CAIP-2 chain id (the
 * genesis hash's prefix) and the SS58 prefix addresses are shown with.
 */
import { z } from 'zod/mini'
import { SignedMessage } from '../bounded.js'
import { envVar, type ChainSpec } from '../spec.js'

/** Each network's genesis hash (its first 32 hex digits make the CAIP-2 reference) and SS58 prefix. */
export const NETWORKS = {
  polkadot: { genesis: '91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3', ss58: 0 },
  kusama: { genesis: 'b0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe', ss58: 2 },
  westend: { genesis: 'e143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e', ss58: 42 },
} as const

export const SubstrateNetwork = z.enum(Object.keys(NETWORKS) as [keyof typeof NETWORKS], {
  error: `must be one of ${Object.keys(NETWORKS).join(', ')}`,
})
export type SubstrateNetwork = z.infer<typeof SubstrateNetwork>

export type SubstrateSettings = { network: SubstrateNetwork; chainId: string; ss58: number }
export const SubstratePublic = z.object({ network: SubstrateNetwork, ss58: z.number() })
export type SubstratePublic = z.infer<typeof SubstratePublic>

export const substrate = {
  id: 'substrate',
  walletType: 'substrate',
  snagVerifies: false,
  name: { en: 'Polkadot & Substrate', es: 'Polkadot y Substrate', ar: 'بولكادوت و Substrate' },
  icon: 'M8 1.2a2.3 2.3 0 1 0 0 4.6 2.3 2.3 0 0 0 0-4.6zm0 9a2.3 2.3 0 1 0 0 4.6 2.3 2.3 0 0 0 0-4.6zM2.9 4.3a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm10.2 3.4a2 2 0 1 0 0 4 2 2 0 0 0 0-4zM2.9 7.7a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm10.2-3.4a2 2 0 1 0 0 4 2 2 0 0 0 0-4z',
  getWallet: { name: 'Talisman', url: 'https://talisman.xyz/download' },
  proof: SignedMessage,
  env: {
    SUBSTRATE_NETWORK: envVar(`the Substrate network a text names (${Object.keys(NETWORKS).join(', ')})`, 'polkadot', SubstrateNetwork),
  },
  settings: (env) => {
    const network = env.SUBSTRATE_NETWORK as SubstrateNetwork
    return { network, chainId: `polkadot:${NETWORKS[network].genesis.slice(0, 32)}`, ss58: NETWORKS[network].ss58 }
  },
  publicSettings: SubstratePublic,
  toPublic: (settings) => ({ network: settings.network, ss58: settings.ss58 }),
  forSnag: ({ message, signature }) => ({ message, signature }),
} as const satisfies ChainSpec<'substrate', SubstrateSettings, SubstratePublic, SignedMessage>
