import type { RelayWalletType } from '../protocol/relay.js'
import type { ProofVerifier } from './types.js'
import { evmVerifier } from './evm/index.js'
import { solanaVerifier } from './solana/index.js'
import { tonVerifier } from './ton/index.js'

/** One line per chain: the server side of adding a chain ends here. */
export const verifiers: Partial<Record<RelayWalletType, ProofVerifier>> = {
  evm: evmVerifier,
  solana: solanaVerifier,
  ton: tonVerifier,
}

export function verifierFor(walletType: string): ProofVerifier | undefined {
  return Object.hasOwn(verifiers, walletType) ? verifiers[walletType as RelayWalletType] : undefined
}
