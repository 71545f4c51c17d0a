/**
 * The browser face of a chain: find wallets, then prove one. Small on purpose,
 * so no chain has to fake a method to fit it. Discovery is light; the signing
 * code loads the first time a wallet of the chain is chosen.
 */
import type { ChallengeResponse } from '../protocol/relay.js'

/** A wallet the person can pick. `handle` is the chain's own object (provider, wallet…). */
export type WalletOption = {
  /** Stable across discovery paths, used to de-duplicate (EIP-6963 rdns, Wallet Standard name…). */
  id: string
  name: string
  /** A data: or https: URL. */
  icon?: string | undefined
  /** The chain (its id in the registry). */
  walletType: string
  /** Not in this browser: reached by QR code or universal link (the widget names it from its catalog). */
  remote?: boolean
  /**
   * A deep link that opens this page inside the wallet's own browser, where the wallet
   * is injected (offered on phones without an injected wallet). Chosen by following it.
   */
  href?: string
  /**
   * Listed instead of another chain's listing of the same wallet (same `id`): an
   * Abstract Global Wallet is an EVM wallet too, but links with a walletType of its own.
   */
  preferred?: boolean
  handle: unknown
}

/** What a chain hands the widget to send as `POST /v1/link`'s `walletAddress` and `verificationData`. */
export type Proof = { walletAddress: string; verificationData: unknown }

/**
 * Something the person must act on outside the page: a QR code to scan (its
 * modules, quiet zone included), or the same link to open on a phone.
 */
export type RemoteView = {
  kind: 'qr'
  uri: string
  modules: boolean[][]
  /** Wallet apps that open `uri` directly, offered on phones (where scanning one's own screen is impossible). */
  links?: { name: string; href: string }[]
}

/** What discovery may read of the page: attributes it set on the element (a WalletConnect project id…). */
export type DiscoverContext = { attribute(name: string): string | undefined }

export type ProveContext = {
  /** What the relay's `/v1/config` says of this chain (its public settings). */
  settings: unknown
  /** An attribute the page set on the element for this chain (e.g. its own TON Connect manifest). */
  attribute(name: string): string | undefined
  /** Shows (or, with undefined, hides) what the person must scan or open. */
  show(view: RemoteView | undefined): void
  /** Ask the relay for a challenge, once the chain knows what to bind it to. */
  challenge(params: { address?: string; chainId?: number | string }): Promise<ChallengeResponse>
  /** Tells the widget which step the wallet is on. */
  phase(step: 'connecting' | 'signing'): void
  signal: AbortSignal
}

export interface BrowserChain {
  readonly id: string
  /** The name and mark to show, for a chain the registry does not have (a page's own); registered chains take theirs from their spec. */
  readonly label?: { name: { en: string } & Partial<Record<string, string>>; icon?: string }
  /**
   * Reports the wallets present now and again whenever one appears, until `signal`
   * aborts. Cheap: it must not load the chain's signing code.
   */
  discover(onWallets: (wallets: WalletOption[]) => void, signal: AbortSignal, context: DiscoverContext): void
  /** Connects `wallet`, has it sign the relay's challenge, and returns the proof. */
  prove(wallet: WalletOption, context: ProveContext): Promise<Proof>
}

/** How the widget loads a chain's browser face (its module, on demand). */
export type BrowserChainLoader = () => Promise<{ chain: BrowserChain }>

/** A chain whose signing code (`prove.js`) loads the first time a wallet of it is chosen. */
export function lazyChain(
  id: string,
  discover: BrowserChain['discover'],
  loadProver: () => Promise<{ prove: BrowserChain['prove'] }>,
): BrowserChain {
  return {
    id,
    discover,
    async prove(wallet, context) {
      return (await loadProver()).prove(wallet, context)
    },
  }
}
