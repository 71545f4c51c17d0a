import { LitElement, adoptStyles, html, nothing, type PropertyValues } from 'lit'
import type { LinkedWallet, RelayWalletType } from '../protocol/relay.js'
import { shorten } from './format.js'
import { en } from './i18n/en.js'
import type { Messages } from './i18n/types.js'
import type { LinkController, Step } from './link-controller.js'
import { styles } from './styles.js'

type Panel = typeof import('./panel.js')

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

  /** The dialog's code, loaded on first open, and the flow it drives. */
  private panel: { module: Panel; flow: LinkController } | undefined

  constructor() {
    super()
    this.relay = ''
    this.state = 'idle'
  }

  /** The wallets linked while this element has been on the page. */
  get linkedWallets(): readonly LinkedWallet[] {
    return this.panel?.flow.linked ?? []
  }

  /** Opens the dialog, loading its code the first time. */
  async open(): Promise<void> {
    if (!this.panel) {
      const module = await import('./panel.js')
      if (!this.panel) {
        const flow = new module.LinkController(this, () => ({
          relay: this.relay,
          chains: this.chains?.split(/\s+/).filter(Boolean) as RelayWalletType[] | undefined,
          host: { tonManifestUrl: this.tonManifestUrl || undefined },
        }))
        this.panel = { module, flow }
        adoptStyles(this.renderRoot as ShadowRoot, [...(this.constructor as typeof LinkWallet).elementStyles, module.panelStyles])
      }
    }
    await this.panel.flow.open()
  }

  override willUpdate(): void {
    this.state = this.panel?.flow.step ?? 'idle'
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
    const linked = this.linkedWallets
    return html`<div part="base">
      ${linked.length ? this.renderLinked(linked) : nothing}
      <button part="button" class="primary" aria-haspopup="dialog" @click=${() => this.open()}>
        ${linked.length ? t.linkAnother : t.linkWallet}
      </button>
      <dialog part="dialog" aria-labelledby="title" @cancel=${this.onCancel}>
        ${this.panel ? this.panel.module.renderPanel(this.panel.flow, t) : nothing}
      </dialog>
    </div>`
  }

  private onCancel = (event: Event) => {
    event.preventDefault()
    this.panel?.flow.close()
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
}
