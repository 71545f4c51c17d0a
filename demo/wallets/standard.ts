/**
 * What the demo's Wallet Standard wallets (Solana, Sui) share: one account,
 * connected once the visitor approves, `standard:connect` and `standard:events`
 * as real wallets answer them, and the rejection they answer (code 4001) when
 * the visitor declines.
 */
import type { Wallet, WalletAccount } from '@wallet-standard/base'
import type { StandardEventsListeners } from '@wallet-standard/features'
import { registerWallet } from '@wallet-standard/wallet'
import type { ApprovalRequest } from '../approval.js'

class WalletRejection extends Error {
  readonly code = 4001
  constructor() {
    super('User rejected the request.')
  }
}

/** Asks the visitor; a refusal throws what a real wallet throws. */
export const askWith =
  (approve: (request: ApprovalRequest) => Promise<boolean>) =>
  async (request: ApprovalRequest): Promise<void> => {
    if (!(await approve(request))) throw new WalletRejection()
  }

export type DemoStandardWallet = Pick<Wallet, 'name' | 'icon' | 'chains'> & {
  account: WalletAccount
  /** What the visitor is asked before the account connects. */
  connectTitle: string
  ask: (request: ApprovalRequest) => Promise<void>
  /** The chain's own features (signing). */
  features: Wallet['features']
}

/** Registers the wallet; `connect` connects its account without asking (a chain's sign-in asks once for both). */
export function registerDemoWallet({ name, icon, chains, account, connectTitle, ask, features }: DemoStandardWallet) {
  let accounts: WalletAccount[] = []
  const listeners = new Set<StandardEventsListeners['change']>()
  const connect = () => {
    if (accounts.length) return
    accounts = [account]
    for (const listener of listeners) listener({ accounts })
  }
  registerWallet({
    version: '1.0.0',
    name,
    icon,
    chains,
    get accounts() {
      return accounts
    },
    features: {
      'standard:connect': {
        version: '1.0.0',
        connect: async () => {
          if (!accounts.length) await ask({ title: connectTitle })
          connect()
          return { accounts }
        },
      },
      'standard:events': {
        version: '1.0.0',
        on: (_event: 'change', listener: StandardEventsListeners['change']) => {
          listeners.add(listener)
          return () => listeners.delete(listener)
        },
      },
      ...features,
    },
  })
  return { connect }
}
