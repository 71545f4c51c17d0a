/**
 * The enums of Snag's API (shared/spec/000), in a module of their own so that
 * code the page loads (the chain specs) takes them without Snag's other schemas.
 */
import { z } from 'zod/mini'

export const WalletType = z.enum(['evm', 'solana', 'imx', 'sui', 'ton', 'cosmos', 'ultra', 'agw', 'flow_cadence', 'substrate'])
export type WalletType = z.infer<typeof WalletType>

export const TonChain = z.enum(['-239', '-3'])
export type TonChain = z.infer<typeof TonChain>
