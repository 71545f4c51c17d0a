/**
 * The linking flow as a reactive controller: discover → choose → connect → sign
 * → link. Each run owns an AbortController; starting another run, going back or
 * closing aborts the old one, and a stale result is dropped. `render()` only
 * reads this state.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { RemoteView, WalletOption } from '../chains/browser-face.js'
import type { BrowserChainLoader } from '../chains/browser-face.js'
import type { ChallengeRequest, ConfigResponse, LinkRequest, LinkedWallet } from '../protocol/relay.js'
import type { Account } from './account.js'
import { rememberLabel } from './chain-label.js'
import { errorCodeOf } from './error-code.js'
import { LinkedEvent, StateEvent } from './events.js'
import { RelayRequestError, type AnyErrorCode } from './relay-client.js'

export type Step = 'idle' | 'choosing' | 'connecting' | 'signing' | 'linking' | 'linked' | 'error'

export type LinkControllerOptions = {
  /** The page's account: its relay client, session and wallets. */
  account: Account
  /** Chains the host page wants, or undefined for every chain the relay enables. */
  chains: string[] | undefined
  /** The browser face of each chain the widget can offer, loaded on demand. */
  loaders: Readonly<Record<string, BrowserChainLoader>>
  /** Reads an attribute the page set on the element (for a chain's own options). */
  attribute(name: string): string | undefined
}

type Host = ReactiveControllerHost & HTMLElement

/** Wallets name themselves: a name is cut to this many characters (an ellipsis ends it), the rest is styling's job. */
export const MAX_WALLET_NAME = 40
/** An icon is a data: image or an https: URL of at most this many characters, or none. */
export const MAX_WALLET_ICON = 128 * 1024
const ICON = /^(?:data:image\/(?:png|svg\+xml|webp|jpeg|gif)[;,]|https:\/\/)/i

/** A wallet as it announced itself, held to what the dialog can show. */
export function bounded(wallet: WalletOption): WalletOption {
  const characters = Array.from(String(wallet.name ?? ''))
  const name = characters.length > MAX_WALLET_NAME ? `${characters.slice(0, MAX_WALLET_NAME - 1).join('')}…` : characters.join('')
  const icon = typeof wallet.icon === 'string' && wallet.icon.length <= MAX_WALLET_ICON && ICON.test(wallet.icon) ? wallet.icon : undefined
  return { ...wallet, name, icon }
}

export class LinkController implements ReactiveController {
  step: Step = 'idle'
  wallets: WalletOption[] = []
  /** The chains offered in this dialog (the relay's, narrowed by the page). */
  offered: string[] = []
  discovering = false
  /** The wallet the last run linked. */
  linked: LinkedWallet | undefined
  /** When the last run signed in to an account that already had other wallets (no session before it): its wallets. */
  signedInTo = 0
  chosen: WalletOption | undefined
  error: AnyErrorCode | undefined
  /** A QR code or link the person must act on, while a remote wallet is asked. */
  view: RemoteView | undefined

  private config: { api: object; value: Promise<ConfigResponse> } | undefined
  /**
   * A verified proof whose link met a passing failure upstream: the relay keeps its
   * challenge for it, so a retry sends it again without asking the wallet.
   */
  private resubmittable: LinkRequest | undefined
  private discovery: AbortController | undefined
  private run: AbortController | undefined

  constructor(
    private readonly host: Host,
    private readonly options: () => LinkControllerOptions,
  ) {
    host.addController(this)
  }

  hostDisconnected(): void {
    this.discovery?.abort()
    this.run?.abort()
  }

  /** Opens the wallet list and (re)discovers wallets of the enabled chains. */
  async open(): Promise<void> {
    this.run?.abort()
    this.error = undefined
    this.chosen = undefined
    this.set('choosing')
    this.discovery?.abort()
    const discovery = new AbortController()
    this.discovery = discovery
    this.wallets = []
    this.discovering = true
    this.host.requestUpdate()
    try {
      const config = await this.relay().config
      const { chains: wanted, loaders, attribute } = this.options()
      const chains = config.chains.filter((chain) => (!wanted || wanted.includes(chain)) && Object.hasOwn(loaders, chain))
      this.offered = chains
      const found = new Map<string, WalletOption[]>()
      await Promise.all(
        chains.map(async (chain) => {
          const { chain: face } = await loaders[chain]!()
          rememberLabel(chain, face.label)
          face.discover(
            (wallets) => {
              if (discovery.signal.aborted) return
              found.set(chain, wallets.map(bounded))
              this.wallets = withoutShadowed(chains.flatMap((c) => found.get(c) ?? []))
              this.host.requestUpdate()
            },
            discovery.signal,
            { attribute },
          )
        }),
      )
    } catch (error) {
      if (!discovery.signal.aborted) this.fail(error)
    } finally {
      if (this.discovery === discovery) {
        this.discovering = false
        this.host.requestUpdate()
        // Once per opening: the page may offer another way (a phone, a wallet to install).
        if (!discovery.signal.aborted && this.step === 'choosing' && !this.wallets.some(isInBrowser))
          this.options().account.report(new Error('No wallet of the offered chains is in this browser.'), 'no_wallets')
      }
    }
  }

  /**
   * Runs the whole proof for `wallet`; a later call aborts this one. With
   * `confirmDisconnect`, the person agreed to move a wallet linked to another
   * account: it needs a fresh proof, since a proof is single-use.
   */
  async choose(wallet: WalletOption, { confirmDisconnect = false } = {}): Promise<void> {
    this.run?.abort()
    const run = new AbortController()
    this.run = run
    this.chosen = wallet
    this.error = undefined
    this.resubmittable = undefined
    const { walletType } = wallet
    try {
      const { api, config } = this.relay()
      const { loaders, attribute } = this.options()
      const load = Object.hasOwn(loaders, walletType) ? loaders[walletType] : undefined
      if (!load) throw new RelayRequestError('chain_not_allowed', `No browser support for ${walletType}.`)
      this.set('connecting')
      const [{ chain }, relayConfig] = await Promise.all([load(), config])
      const proof = await chain.prove(wallet, {
        settings: (relayConfig as Record<string, unknown>)[walletType],
        attribute,
        show: (view) => {
          if (run.signal.aborted && view) return
          this.view = view
          this.host.requestUpdate()
        },
        challenge: (params) => api.challenge({ walletType: walletType as ChallengeRequest['walletType'], ...params }, run.signal),
        phase: (step) => {
          if (!run.signal.aborted) this.set(step)
        },
        signal: run.signal,
      })
      run.signal.throwIfAborted()
      await this.submit({ walletType, ...proof, ...(confirmDisconnect ? { confirmDisconnect } : {}) } as LinkRequest, run)
    } catch (error) {
      if (!run.signal.aborted) this.fail(error)
    }
  }

  private async submit(request: LinkRequest, run: AbortController): Promise<void> {
    this.set('linking')
    try {
      const { account } = this.options()
      const hadSession = account.session !== undefined
      const result = await this.relay().api.link(request, run.signal)
      if (run.signal.aborted) return
      this.resubmittable = undefined
      this.signedInTo = !hadSession && result.wallets.length > 1 ? result.wallets.length : 0
      this.options().account.adopt(result)
      this.linked = result.wallet
      this.set('linked')
      this.host.dispatchEvent(new LinkedEvent(result.wallet, result.wallets))
    } catch (error) {
      // The relay says when the same request may pass later: it keeps the proof's challenge for it.
      this.resubmittable = error instanceof RelayRequestError && error.retryable ? request : undefined
      throw error
    }
  }

  retry(): void {
    const request = this.resubmittable
    if (request) {
      this.run?.abort()
      const run = new AbortController()
      this.run = run
      this.error = undefined
      this.submit(request, run).catch((error: unknown) => {
        if (!run.signal.aborted) this.fail(error)
      })
    } else if (this.chosen) void this.choose(this.chosen)
    else void this.open()
  }

  /** The person confirmed moving the chosen wallet here from the account it was in. */
  move(): void {
    if (this.chosen) void this.choose(this.chosen, { confirmDisconnect: true })
  }

  back(): void {
    this.run?.abort()
    this.resubmittable = undefined
    this.error = undefined
    this.chosen = undefined
    this.set('choosing')
  }

  close(): void {
    this.run?.abort()
    this.discovery?.abort()
    this.error = undefined
    this.set('idle')
  }

  /** The account's relay client, and the relay's configuration (asked once per client). */
  private relay() {
    const api = this.options().account.api()
    if (this.config?.api !== api) {
      const value = api.config().catch((error: unknown) => {
        this.config = undefined
        throw error
      })
      this.config = { api, value }
    }
    return { api, config: this.config.value }
  }

  private fail(error: unknown): void {
    this.error = this.options().account.report(error, errorCodeOf(error))
    this.set('error')
  }

  private set(step: Step): void {
    if (this.step === step) return
    this.step = step
    this.host.requestUpdate()
    this.host.dispatchEvent(new StateEvent(step))
  }
}

/** Drops a wallet another chain lists as `preferred` under the same id (AGW's listing over EVM's). */
function withoutShadowed(wallets: WalletOption[]): WalletOption[] {
  const preferred = new Set(wallets.filter((wallet) => wallet.preferred).map((wallet) => wallet.id))
  return wallets.filter((wallet) => wallet.preferred || !preferred.has(wallet.id))
}

/** A wallet in this browser (injected), as opposed to one on a phone (QR) or a link to a wallet app. */
export const isInBrowser = (wallet: WalletOption) => !wallet.remote && !wallet.href
