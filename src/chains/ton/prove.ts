/**
 * Prove a TON wallet with TON Connect: ask the relay's challenge first, then
 * connect with `ton_proof` whose payload is the challenge's nonce. An injected
 * wallet answers through its JS bridge; any other wallet scans a QR code (or
 * opens the universal link on a phone) and answers over the HTTP bridge.
 * The SDK keeps nothing between visits and sends no analytics.
 */
import { TonConnect, UserRejectsError, isWalletInfoRemote, type IStorage, type Wallet } from '@tonconnect/sdk'
import { qrModules } from '../qr.js'
import type { TonChain } from '../../protocol/snag.js'
import type { ProveContext, Proof, WalletOption } from '../browser-face.js'
import { UserRejectedError, WalletError, WalletTimeoutError, isUserRejection } from '../errors.js'
import type { TonHandle } from './discover.js'
import type { TonPublic } from './spec.js'

/** The element attribute a page sets to name its own TON Connect manifest. */
export const MANIFEST_ATTRIBUTE = 'ton-manifest-url'
/** A wallets list of the page's own (the format of ton-blockchain/wallets-list), instead of TON Connect's. */
export const WALLETS_LIST_ATTRIBUTE = 'ton-wallets-list-url'

/** How long the widget waits for a wallet to answer. */
const ANSWER_TIMEOUT_MS = 5 * 60_000

class MemoryStorage implements IStorage {
  private readonly items = new Map<string, string>()
  async setItem(key: string, value: string) {
    this.items.set(key, value)
  }
  async getItem(key: string) {
    return this.items.get(key) ?? null
  }
  async removeItem(key: string) {
    this.items.delete(key)
  }
}

function answer(connector: TonConnect, signal: AbortSignal): Promise<Wallet> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new WalletTimeoutError('The wallet did not answer in time.')), ANSWER_TIMEOUT_MS)
    const stop = connector.onStatusChange(
      (wallet) => {
        if (!wallet) return
        done()
        resolve(wallet)
      },
      (error) =>
        fail(
          error instanceof UserRejectsError || isUserRejection(error)
            ? new UserRejectedError({ cause: error })
            : new WalletError('The wallet could not connect.', { cause: error }),
        ),
    )
    const onAbort = () => fail(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    function done() {
      clearTimeout(timer)
      stop()
      signal.removeEventListener('abort', onAbort)
    }
    function fail(reason: unknown) {
      done()
      reject(reason)
    }
  })
}

async function remoteBridges(connector: TonConnect): Promise<{ bridgeUrl: string }[]> {
  const wallets = await connector.getWallets()
  const urls = new Set(wallets.filter(isWalletInfoRemote).map((wallet) => wallet.bridgeUrl))
  return [...urls].map((bridgeUrl) => ({ bridgeUrl }))
}

export async function prove(wallet: WalletOption, context: ProveContext): Promise<Proof> {
  const handle = wallet.handle as TonHandle
  const manifestUrl = context.attribute(MANIFEST_ATTRIBUTE) ?? (context.settings as TonPublic).manifestUrl
  if (!manifestUrl) throw new WalletError(`No TON Connect manifest: set ${MANIFEST_ATTRIBUTE} on the element, or PUBLIC_URL on the relay.`)
  const challenge = await context.challenge({})
  const walletsListSource = context.attribute(WALLETS_LIST_ATTRIBUTE)
  const connector = new TonConnect({
    manifestUrl,
    storage: new MemoryStorage(),
    analytics: { mode: 'off' },
    ...(walletsListSource ? { walletsListSource } : {}),
  })
  const stop = new AbortController()
  const abort = () => stop.abort(context.signal.reason)
  context.signal.addEventListener('abort', abort, { once: true })
  try {
    const answered = answer(connector, stop.signal)
    const request = { request: { tonProof: challenge.nonce }, signal: stop.signal }
    context.phase('connecting')
    if (handle.kind === 'injected') {
      try {
        connector.connect({ jsBridgeKey: handle.jsBridgeKey }, request)
      } catch (error) {
        throw new WalletError('The wallet is no longer in this page.', { cause: error })
      }
    } else {
      const uri = connector.connect(await remoteBridges(connector), request)
      context.show({ kind: 'qr', uri, modules: qrModules(uri) })
    }
    const { account, connectItems } = await answered
    const item = connectItems?.tonProof
    if (!item || !('proof' in item)) throw new WalletError('The wallet answered without a ton_proof.')
    if (!account.walletStateInit || !account.publicKey) throw new WalletError('The wallet did not share its state init and key.')
    const { timestamp, domain, payload, signature } = item.proof
    return {
      walletAddress: account.address,
      verificationData: {
        tonVerification: {
          proof: { timestamp, domain, payload, signature, state_init: account.walletStateInit },
          account: {
            address: account.address,
            chain: account.chain as TonChain,
            publicKey: account.publicKey,
            walletStateInit: account.walletStateInit,
          },
        },
      },
    }
  } finally {
    context.signal.removeEventListener('abort', abort)
    stop.abort()
    context.show(undefined)
    if (connector.connected) connector.disconnect().catch(() => {})
  }
}
