import { LitElement, html, nothing, type PropertyValues } from 'lit'
import { repeat } from 'lit/directives/repeat.js'
import type { RemoteView, WalletOption } from '../chains/types.js'
import type { LinkedWallet, RelayWalletType } from '../protocol/relay.js'
import { en } from './i18n/en.js'
import type { Messages } from './i18n/types.js'
import { LinkController, type Step } from './link-controller.js'
import { styles } from './styles.js'

const shorten = (address: string) => (address.length > 14 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address)

/**
 * Lets a visitor prove they own a wallet and link it to their account, through
 * a relay that holds the API key.
 *
 * @attr relay - Base URL of the link-wallet relay. Required.
 * @attr chains - Space-separated chains to offer (`evm solana ton`); default: all the relay enables.
 * @attr ton-manifest-url - Your own TON Connect manifest; default: the one the relay serves for this page.
 * @attr state - Reflects the current step: idle, choosing, connecting, signing, linking, linked, error. Read-only.
 *
 * @event lw-linked - {LinkedEvent} A wallet was linked; `wallet` and `wallets` hold the result.
 * @event lw-error - {LinkErrorEvent} A step failed; `code` is stable.
 * @event lw-state - {StateEvent} The element moved to another step.
 *
 * @csspart base - The wrapper around everything.
 * @csspart button - The button that opens the dialog.
 * @csspart dialog - The modal dialog.
 * @csspart wallet-list - The list of wallets to choose from.
 * @csspart wallet-option - One wallet in that list.
 * @csspart status - The live region that announces progress.
 * @csspart error - The error message.
 * @csspart qr - The QR code a remote wallet scans, with its link.
 * @csspart wallets - The list of linked wallets.
 *
 * @cssproperty [--lw-accent=#4f46e5] - Buttons and focus rings.
 * @cssproperty [--lw-accent-contrast=#ffffff] - Text on the accent colour.
 * @cssproperty [--lw-background=#ffffff] - Dialog background.
 * @cssproperty [--lw-foreground=#111827] - Text.
 * @cssproperty [--lw-muted=#4b5563] - Secondary text.
 * @cssproperty [--lw-border=#d1d5db] - Borders.
 * @cssproperty [--lw-danger=#b91c1c] - Error text.
 * @cssproperty [--lw-success=#047857] - Success text.
 * @cssproperty [--lw-radius=12px] - Corner radius.
 * @cssproperty [--lw-font=system-ui] - Font family.
 * @cssproperty [--lw-space=16px] - Base spacing.
 */
export class LinkWallet extends LitElement {
  static override styles = styles
  static override properties = {
    relay: { type: String },
    chains: { type: String },
    tonManifestUrl: { type: String, attribute: 'ton-manifest-url' },
    state: { type: String, reflect: true },
  }

  declare relay: string
  declare chains: string | undefined
  declare tonManifestUrl: string | undefined
  declare state: Step

  /** The strings the element shows; replace to translate. */
  messages: Messages = en

  private readonly flow = new LinkController(this, () => ({
    relay: this.relay,
    chains: this.chains?.split(/\s+/).filter(Boolean) as RelayWalletType[] | undefined,
    host: { tonManifestUrl: this.tonManifestUrl || undefined },
  }))

  constructor() {
    super()
    this.relay = ''
    this.state = 'idle'
  }

  /** The wallets linked while this element has been on the page. */
  get linkedWallets(): readonly LinkedWallet[] {
    return this.flow.linked
  }

  override willUpdate(): void {
    this.state = this.flow.step
  }

  override updated(changed: PropertyValues<this>): void {
    const dialog = this.renderRoot.querySelector('dialog')
    if (!dialog || !changed.has('state')) return
    if (this.state !== 'idle' && !dialog.open) dialog.showModal()
    if (this.state === 'idle' && dialog.open) {
      dialog.close()
      this.renderRoot.querySelector<HTMLButtonElement>('[part=button]')?.focus()
    }
  }

  override render() {
    const t = this.messages
    const linked = this.flow.linked
    return html`<div part="base">
      ${linked.length ? this.renderLinked(linked) : nothing}
      <button part="button" class="primary" aria-haspopup="dialog" @click=${() => this.flow.open()}>
        ${linked.length ? t.linkAnother : t.linkWallet}
      </button>
      <dialog part="dialog" aria-labelledby="title" @cancel=${this.onCancel}>
        <header>
          <h2 id="title">${t.dialogTitle}</h2>
          <button class="close" aria-label=${t.close} @click=${() => this.flow.close()}>×</button>
        </header>
        <p part="status" role="status" aria-live="polite" class=${this.statusClass()}>${this.statusText()}</p>
        ${this.state === 'idle' ? nothing : this.renderStep()}
      </dialog>
    </div>`
  }

  private onCancel = (event: Event) => {
    event.preventDefault()
    this.flow.close()
  }

  private renderLinked(linked: readonly LinkedWallet[]) {
    return html`<section part="wallets" aria-labelledby="linked-title">
      <h2 id="linked-title">${this.messages.linkedWallets}</h2>
      <ul>
        ${linked.map(
          (w) => html`<li class="wallet">
            <span>${this.messages.chain[w.walletType]}</span>
            <code title=${w.walletAddress}>${shorten(w.walletAddress)}</code>
          </li>`,
        )}
      </ul>
    </section>`
  }

  /** One live region for the whole flow, so every change of step is announced. */
  private statusText(): string {
    const t = this.messages
    const { step, chosen, wallets, discovering, linked } = this.flow
    const name = chosen?.name ?? ''
    switch (step) {
      case 'choosing':
        return discovering && !wallets.length ? t.loadingWallets : !wallets.length ? t.errors.no_wallets : ''
      case 'connecting':
        return this.flow.view ? t.scanQr : t.connecting(name)
      case 'signing':
        return t.signing(name)
      case 'linking':
        return t.linking
      case 'linked':
        return linked.length ? `${t.linked} ${shorten(linked.at(-1)!.walletAddress)}` : t.linked
      default:
        return ''
    }
  }

  private statusClass(): string {
    const { step, discovering, wallets } = this.flow
    if (step === 'connecting' || step === 'signing' || step === 'linking' || (step === 'choosing' && discovering && !wallets.length))
      return 'busy'
    return step === 'linked' ? 'done' : ''
  }

  private renderStep() {
    const t = this.messages
    const flow = this.flow
    switch (flow.step) {
      case 'choosing':
        return html`<p>${t.chooseWallet}</p>
          ${flow.wallets.length
            ? html`<ul part="wallet-list" aria-label=${t.chooseWallet}>
                ${repeat(flow.wallets, (wallet) => `${wallet.walletType}:${wallet.id}`, (wallet) => this.renderOption(wallet))}
              </ul>`
            : nothing}`
      case 'connecting':
      case 'signing':
      case 'linking':
        return html`${flow.view ? this.renderRemote(flow.view) : nothing}
          <div class="actions"><button class="secondary" @click=${() => flow.back()}>${t.back}</button></div>`
      case 'linked':
        return html`<div class="actions"><button class="primary" autofocus @click=${() => flow.close()}>${t.done}</button></div>`
      case 'error':
        return html`<p part="error" role="alert">${t.errors[flow.error ?? 'internal']}</p>
          <div class="actions">
            <button class="secondary" @click=${() => flow.back()}>${t.back}</button>
            <button class="primary" autofocus @click=${() => flow.retry()}>${t.retry}</button>
          </div>`
      default:
        return nothing
    }
  }

  /** A QR code drawn from the chain's modules (one SVG path), and the same link to open on a phone. */
  private renderRemote(view: RemoteView) {
    const size = view.modules.length
    let path = ''
    view.modules.forEach((row, y) => row.forEach((dark, x) => dark && (path += `M${x} ${y}h1v1h-1z`)))
    return html`<figure part="qr">
      <svg viewBox="0 0 ${size} ${size}" role="img" aria-label=${this.messages.qrLabel} shape-rendering="crispEdges">
        <rect width=${size} height=${size} fill="#fff"></rect>
        <path d=${path} fill="#000"></path>
      </svg>
      <figcaption><a href=${view.uri} target="_blank" rel="noopener noreferrer">${this.messages.openWallet}</a></figcaption>
    </figure>`
  }

  private renderOption(wallet: WalletOption) {
    const name = wallet.remote ? this.messages.remoteWallet(this.messages.chain[wallet.walletType]) : wallet.name
    return html`<li>
      <button part="wallet-option" @click=${() => this.flow.choose(wallet)}>
        ${wallet.icon ? html`<img src=${wallet.icon} alt="" />` : nothing}
        <span>${name}</span>
        <span class="chain">${this.messages.chain[wallet.walletType]}</span>
      </button>
    </li>`
  }
}
