/**
 * EVM: wallets found through EIP-6963 (and `window.ethereum`) sign an EIP-4361
 * (Sign-In With Ethereum) message with `personal_sign`; the relay checks every
 * field and recovers the signer. Operators name the chain ids a message may name.
 */
import { z } from 'zod/mini'
import { SignedMessage, list } from '../bounded.js'
import { envVar, type ChainSpec } from '../spec.js'

export type EvmSettings = { chainIds: number[] }
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

export const evm = {
  id: 'evm',
  walletType: 'evm',
  snagVerifies: true,
  name: { en: 'Ethereum & EVM', es: 'Ethereum y EVM', ar: 'إيثيريوم و EVM' },
  icon: 'M8 1 3 8.2 8 11l5-2.8zM3 9.3 8 15l5-5.7L8 12.1z',
  proof: SignedMessage,
  env: { EVM_CHAIN_IDS: envVar('EVM chain ids a SIWE message may name', '1', ChainIds) },
  settings: (env) => ({ chainIds: env.EVM_CHAIN_IDS as number[] }),
  publicSettings: EvmPublic,
  toPublic: (settings) => ({ chainIds: settings.chainIds }),
  forSnag: ({ message, signature }) => ({ message, signature }),
} as const satisfies ChainSpec<'evm', EvmSettings, EvmPublic, SignedMessage>
