/**
 * The browser side of a chain: find wallets, then prove one. Small on purpose,
 * so no chain has to fake a method to fit it.
 */
import type { ChallengeResponse, ConfigResponse, LinkVerificationData, RelayWalletType } from '../protocol/relay.js'

/** A wallet the person can pick. `handle` is the chain's own object (provider, wallet…). */
export type WalletOption = {
  /** Stable across discovery paths, used to de-duplicate (EIP-6963 rdns, Wallet Standard name…). */
  id: string
  name: string
  /** A data: or https: URL. */
  icon?: string | undefined
  walletType: RelayWalletType
  handle: unknown
}

export type Proof = {
  walletAddress: string
  verificationData: LinkVerificationData
}

export type ProveContext = {
  config: ConfigResponse
  /** Ask the relay for a challenge, once the chain knows what to bind it to. */
  challenge(params: { address?: string; chainId?: number }): Promise<ChallengeResponse>
  /** Tells the widget which step the wallet is on. */
  phase(step: 'connecting' | 'signing'): void
  signal: AbortSignal
}

export interface ChainAdapter {
  readonly walletType: RelayWalletType
  /**
   * Reports the wallets present now and again whenever one appears, until `signal`
   * aborts. Cheap: it must not load the chain's signing code.
   */
  discover(onWallets: (wallets: WalletOption[]) => void, signal: AbortSignal): void
  /** Connects `wallet`, has it sign the relay's challenge, and returns the proof. */
  prove(wallet: WalletOption, context: ProveContext): Promise<Proof>
}
