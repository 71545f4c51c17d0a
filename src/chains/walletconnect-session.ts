/**
 * The WalletConnect client, loaded only when a person picks a phone wallet: one
 * SignClient per page (per project id and relay), a pairing shown as a QR code
 * (with the apps that open it, for phones), the wallet's approval awaited until
 * the deadline, and the session ended once the proof is made: the relay needs the
 * signature, not a standing connection.
 */
import { SignClient } from '@walletconnect/sign-client'
import type { EngineTypes, SessionTypes } from '@walletconnect/types'
import type { ProveContext } from './browser-face.js'
import { UserRejectedError, WalletError, WalletTimeoutError } from './errors.js'
import { qrModules } from './qr.js'
import { PROJECT_ID_ATTRIBUTE, RELAY_URL_ATTRIBUTE, pairingLinks, type PairingApp } from './walletconnect.js'

type Client = Awaited<ReturnType<typeof SignClient.init>>

const clients = new Map<string, Promise<Client>>()

function clientFor(context: ProveContext): Promise<Client> {
  const projectId = context.attribute(PROJECT_ID_ATTRIBUTE)
  if (!projectId) throw new WalletError('The page set no walletconnect-project-id.')
  const relayUrl = context.attribute(RELAY_URL_ATTRIBUTE)
  const key = `${projectId} ${relayUrl ?? ''}`
  let client = clients.get(key)
  if (!client) {
    client = SignClient.init({
      projectId,
      ...(relayUrl ? { relayUrl } : {}),
      telemetryEnabled: false,
      metadata: { name: document.title || location.host, description: 'Link a wallet', url: location.origin, icons: [] },
    } as Parameters<typeof SignClient.init>[0])
    client.catch(() => clients.delete(key))
    clients.set(key, client)
  }
  return client
}

/** WalletConnect's refusals by the person (USER_REJECTED and its variants, EIP-1193's 4001). */
const REJECTIONS = new Set([4001, 5000, 5001, 5002, 5100, 5101])

/** A WalletConnect failure as one of the widget's wallet errors. */
export function walletConnectError(error: unknown, what: string): Error {
  const { code, message } = (error ?? {}) as { code?: number; message?: string }
  if (typeof code === 'number' && REJECTIONS.has(code)) return new UserRejectedError({ cause: error })
  if (typeof message === 'string' && /expired/i.test(message))
    return new WalletTimeoutError(`The wallet did not ${what} in time.`, { cause: error })
  return new WalletError(`The wallet could not ${what}.`, { cause: error })
}

/** `promise`, or the abort of `signal`, or a timeout at `deadline` (ms since the epoch), whichever comes first. */
function until<T>(promise: Promise<T>, signal: AbortSignal, deadline: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new WalletTimeoutError(`The wallet did not ${what} in time.`)),
      Math.max(0, deadline - Date.now()),
    )
    const abort = () => reject(signal.reason)
    signal.addEventListener('abort', abort, { once: true })
    promise.then(resolve, reject).finally(() => {
      clearTimeout(timer)
      signal.removeEventListener('abort', abort)
    })
  })
}

export type Paired = {
  session: SessionTypes.Struct
  /** Sends one request to the wallet over the session. */
  request<T>(chainId: string, method: string, params: unknown): Promise<T>
  /** Ends the session (the proof is made, or the attempt is over). */
  end(): Promise<void>
}

/**
 * Pairs with a phone wallet: shows the QR code (and the `apps` that open it), waits
 * for the wallet's approval of `params` until `deadline`, and hides the QR.
 */
export async function pairWallet(
  context: ProveContext,
  params: EngineTypes.ConnectParams,
  { apps, deadline }: { apps: readonly PairingApp[]; deadline: number },
): Promise<Paired> {
  context.phase('connecting')
  const client = await clientFor(context)
  const { uri, approval } = await client.connect(params)
  if (!uri) throw new WalletError('WalletConnect gave no pairing link.')
  context.show({ kind: 'qr', uri, modules: qrModules(uri), links: pairingLinks(uri, apps) })
  let session: SessionTypes.Struct
  try {
    session = await until(approval(), context.signal, deadline, 'connect')
  } catch (error) {
    throw error === context.signal.reason || error instanceof WalletTimeoutError ? error : walletConnectError(error, 'connect')
  } finally {
    context.show(undefined)
  }
  const { topic } = session
  return {
    session,
    async request<T>(chainId: string, method: string, requestParams: unknown) {
      try {
        return await until(
          client.request<T>({ topic, chainId, request: { method, params: requestParams } }),
          context.signal,
          deadline,
          'sign',
        )
      } catch (error) {
        throw error === context.signal.reason || error instanceof WalletTimeoutError ? error : walletConnectError(error, 'sign')
      }
    },
    async end() {
      await client.disconnect({ topic, reason: { code: 6000, message: 'User disconnected.' } }).catch(() => {})
    },
  }
}
