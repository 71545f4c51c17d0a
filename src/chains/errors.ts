/**
 * What can go wrong in a wallet, in two kinds the widget tells apart: the person
 * declined, or the wallet failed. Nothing reads error message text.
 */

/** The person declined in their wallet. */
export class UserRejectedError extends Error {
  override name = 'UserRejectedError'
  constructor(options?: { cause?: unknown }) {
    super('The request was declined in the wallet.', options)
  }
}

/** The wallet failed for another reason than a refusal. */
export class WalletError extends Error {
  override name = 'WalletError'
}

/** The wallet is on a network the relay does not accept, and did not switch to one. */
export class WrongNetworkError extends WalletError {
  override name = 'WrongNetworkError'
}

/** The wallet did not answer in the time the widget waits. */
export class WalletTimeoutError extends Error {
  override name = 'WalletTimeoutError'
}

/**
 * EIP-1193's "user rejected the request" (4001), which Solana wallets (Phantom,
 * Solflare, Backpack…) use too; some wallets nest it under `cause`.
 */
export function isUserRejection(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++)
    if ((e as { code?: unknown }).code === 4001) return true
  return false
}

/** Runs one request to a wallet, turning its failure into one of the two kinds above. */
export async function walletCall<T>(what: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request()
  } catch (error) {
    if (isUserRejection(error)) throw new UserRejectedError({ cause: error })
    throw new WalletError(`The wallet could not complete ${what}.`, { cause: error })
  }
}
