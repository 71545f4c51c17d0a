/**
 * Ultra (an Antelope chain): the Ultra Wallet extension signs the relay's CAIP-122
 * text for an *account*; the relay recovers the key from the `SIG_K1_…` signature
 * and asks the chain (ULTRA_RPC_URL) whether a permission of that account holds the
 * key with enough weight. Enabled only when CHAINS names it, with its RPC.
 */
import { z } from 'zod/mini'
import { SignedMessage, list } from '../bounded.js'
import { envVar, type ChainSpec } from '../spec.js'

export type UltraSettings = { rpcUrl: string | undefined; chainId: string; permissions: string[] }
export const UltraPublic = z.object({ chainId: z.string() })
export type UltraPublic = z.infer<typeof UltraPublic>

const ChainId = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be the chain id (64 hex digits)'))
const Permissions = z.pipe(
  z.string(),
  z.transform((value, ctx) => {
    const names = list(value)
    if (!names.length || names.some((name) => !/^[a-z1-5.]{1,12}$/.test(name)))
      ctx.issues.push({ code: 'custom', input: value, message: 'must be permission names, comma-separated (active, owner…)' })
    return names
  }),
)

/** The CAIP-2 chain id the text names: `antelope:` and the first 32 hex digits of the chain id. */
export const ultraChainId = (chainId: string) => `antelope:${chainId.slice(0, 32)}`

export const ultra = {
  id: 'ultra',
  walletType: 'ultra',
  snagVerifies: false,
  enabledByDefault: false,
  name: { en: 'Ultra' },
  icon: 'M3 2h2.6v6.6a2.4 2.4 0 0 0 4.8 0V2H13v6.6a5 5 0 0 1-10 0z',
  getWallet: { name: 'Ultra Wallet', url: 'https://ultra.io/' },
  proof: SignedMessage,
  env: {
    ULTRA_RPC_URL: envVar('the Antelope chain API of Ultra that holds accounts’ keys', undefined, z.url()),
    ULTRA_CHAIN_ID: envVar(
      'the Ultra chain id a text names (mainnet’s by default)',
      'a9c481dfbc7d9506dc7e87e9a137c931b0a9303f64fd7a1d08b8230133920097',
      ChainId,
    ),
    ULTRA_PERMISSIONS: envVar('the account permissions whose keys may sign', 'active,owner', Permissions),
  },
  settings: (env) => ({
    rpcUrl: env.ULTRA_RPC_URL as string | undefined,
    chainId: env.ULTRA_CHAIN_ID as string,
    permissions: env.ULTRA_PERMISSIONS as string[],
  }),
  problems: (settings) =>
    settings.rpcUrl ? [] : ['ULTRA_RPC_URL is required with ultra in CHAINS: the chain says which keys an account holds'],
  rpcUrls: (settings): Record<string, string> => (settings.rpcUrl ? { ultra: settings.rpcUrl } : {}),
  emulated: (env, standIn): Record<string, string> => (env.ULTRA_RPC_URL ? {} : { ULTRA_RPC_URL: `${standIn}/antelope` }),
  publicSettings: UltraPublic,
  toPublic: (settings) => ({ chainId: settings.chainId }),
  forSnag: ({ message, signature }) => ({ message, signature }),
} as const satisfies ChainSpec<'ultra', UltraSettings, UltraPublic, SignedMessage>
