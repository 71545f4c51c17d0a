/**
 * EVM: wallets found through EIP-6963 (and `window.ethereum`) sign an EIP-4361
 * (Sign-In With Ethereum) message with `personal_sign`; the relay checks every
 * field and recovers the signer. Operators name the chain ids a message may name.
 */
import { z } from 'zod/mini'
import { SignedMessage, list } from '../bounded.js'
import type { WalletType } from '../../protocol/snag-enums.js'
import { envVar, type ChainSpec } from '../spec.js'

/** The chain ids a message may name, and the RPC endpoint of each chain that has one (by chain id, as a string). */
export type EvmSettings = { chainIds: number[]; rpcUrls: Record<string, string> }
export const EvmPublic = z.object({ chainIds: z.array(z.number()) })
export type EvmPublic = z.infer<typeof EvmPublic>

const ChainIds = z.pipe(
  z.string(),
  z.transform((value, ctx) => {
    const ids = list(value).map(Number)
    if (!ids.length || ids.some((id) => !Number.isSafeInteger(id) || id < 1))
      ctx.issues.push({ code: 'custom', input: value, message: 'must be comma-separated positive chain ids, at least one' })
    return [...new Set(ids)]
  }),
)

const RpcUrls = z.pipe(
  z.string(),
  z.transform((value, ctx) => {
    const urls: Record<string, string> = {}
    for (const [index, pair] of list(value).entries()) {
      const at = pair.indexOf('=')
      const id = Number(pair.slice(0, at))
      const url = pair.slice(at + 1).trim()
      if (at < 1 || !Number.isSafeInteger(id) || id < 1 || !/^https?:\/\/[^\s]+$/.test(url) || !URL.canParse(url)) {
        ctx.issues.push({
          code: 'custom',
          input: value,
          // Never the entry itself: an endpoint's URL often holds its API key.
          message: `must be chainId=url pairs, comma-separated, each url http(s); entry ${index + 1} is not`,
        })
        return urls
      }
      urls[String(id)] = url
    }
    return urls
  }),
)

/**
 * The RPC endpoint of each EVM chain that has one, shared by every EVM-family chain
 * (evm, agw, imx): the relay asks it to check smart-contract wallets' signatures.
 */
export const EVM_RPC_URLS = envVar('RPC endpoint per EVM chain, chainId=url pairs (smart-contract wallets)', undefined, RpcUrls)

/** The endpoints of `chainIds` among those configured. */
export const rpcUrlsOf = (settings: EvmSettings): Record<string, string> =>
  Object.fromEntries(Object.entries(settings.rpcUrls).filter(([id]) => settings.chainIds.includes(Number(id))))

export const evm = {
  id: 'evm',
  walletType: 'evm',
  snagVerifies: true,
  name: { en: 'Ethereum & EVM', es: 'Ethereum y EVM', ar: 'إيثيريوم و EVM' },
  icon: 'M8 1 3 8.2 8 11l5-2.8zM3 9.3 8 15l5-5.7L8 12.1z',
  getWallet: { name: 'MetaMask', url: 'https://metamask.io/download/' },
  proof: SignedMessage,
  env: { EVM_CHAIN_IDS: envVar('EVM chain ids a SIWE message may name', '1', ChainIds), EVM_RPC_URLS },
  settings: (env) => ({ chainIds: env.EVM_CHAIN_IDS as number[], rpcUrls: (env.EVM_RPC_URLS as Record<string, string>) ?? {} }),
  publicSettings: EvmPublic,
  toPublic: (settings) => ({ chainIds: settings.chainIds }),
  forSnag: ({ message, signature }) => ({ message, signature }),
  rpcUrls: rpcUrlsOf,
} as const satisfies ChainSpec<'evm', EvmSettings, EvmPublic, SignedMessage>

const OneChainId = z.pipe(
  z.string(),
  z.transform((value, ctx) => {
    const id = Number(value)
    if (!Number.isSafeInteger(id) || id < 1) ctx.issues.push({ code: 'custom', input: value, message: 'must be a positive chain id' })
    return id
  }),
)

/**
 * An EVM chain whose wallets Snag knows by a `walletType` of their own (agw, imx):
 * SIWE naming one chain id, the accounts smart contracts checked on that chain, so
 * the chain must have an endpoint in EVM_RPC_URLS. Enabled only when CHAINS names it.
 */
export function contractAccountChain<Id extends string>(options: {
  id: Id
  walletType: WalletType
  name: ChainSpec['name']
  icon: string
  getWallet: { name: string; url: string }
  /** The variable naming its chain id, and that id's default. */
  chainIdVariable: string
  chainId: number
}): ChainSpec<Id, EvmSettings, EvmPublic, SignedMessage> {
  const { chainIdVariable } = options
  return {
    id: options.id,
    walletType: options.walletType,
    snagVerifies: false,
    enabledByDefault: false,
    name: options.name,
    icon: options.icon,
    getWallet: options.getWallet,
    proof: SignedMessage,
    env: {
      [chainIdVariable]: envVar(`the chain id of ${options.name.en} accounts`, String(options.chainId), OneChainId),
      EVM_RPC_URLS,
    },
    settings: (env) => ({ chainIds: [env[chainIdVariable] as number], rpcUrls: (env.EVM_RPC_URLS as Record<string, string>) ?? {} }),
    problems: (settings) =>
      rpcUrlsOf(settings)[String(settings.chainIds[0])]
        ? []
        : [
            `EVM_RPC_URLS has no endpoint for ${chainIdVariable} ${settings.chainIds[0]}: ${options.name.en} accounts are contracts, checked on their chain`,
          ],
    publicSettings: EvmPublic,
    toPublic: (settings) => ({ chainIds: settings.chainIds }),
    forSnag: ({ message, signature }) => ({ message, signature }),
    rpcUrls: rpcUrlsOf,
    // The emulator's chain has no contracts: there, only plain keys prove.
    emulated(env, standIn): Record<string, string> {
      const chainId = env[chainIdVariable] ?? String(options.chainId)
      const named = list(env.EVM_RPC_URLS ?? '').some((pair) => pair.split('=')[0]?.trim() === chainId)
      return named ? {} : { EVM_RPC_URLS: [env.EVM_RPC_URLS, `${chainId}=${standIn}/evm/${chainId}`].filter(Boolean).join(',') }
    },
  }
}
