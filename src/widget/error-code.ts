import { UserRejectedError, WalletError, WalletTimeoutError, WrongNetworkError } from '../chains/errors.js'
import { RelayRequestError, type AnyErrorCode } from './relay-client.js'

/** The stable code for anything that went wrong: the relay's own, or one of the widget's. */
export function errorCodeOf(error: unknown): AnyErrorCode {
  if (error instanceof UserRejectedError) return 'user_rejected'
  if (error instanceof WalletTimeoutError) return 'wallet_timeout'
  if (error instanceof WrongNetworkError) return 'wallet_wrong_network'
  if (error instanceof WalletError) return 'wallet_error'
  if (error instanceof RelayRequestError) return error.code
  return 'internal'
}
