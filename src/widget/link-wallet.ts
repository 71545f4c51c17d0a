import { LitElement, adoptStyles, html, nothing, type CSSResultOrNative, type PropertyValues } from 'lit'
import type { BrowserChainLoader } from '../chains/browser-face.js'
import { BROWSER_CHAINS } from '../chains/browser-registry.js'
import type { LinkedWallet } from '../protocol/relay.js'
import { Account } from './account.js'
import { firstPaint } from './i18n/first-paint.js'
import { directionOf, loadMessages, resolveLocale, type Messages } from './i18n/index.js'
import type { LinkController, Step } from './link-controller.js'
import type { LinkedWallets } from './linked-wallets.js'
import type { ProfileForm } from './profile-form.js'
import { styles } from './styles.js'

type Panel = typeof import('./panel.js')

/**
 * Lets a visitor prove they own a wallet and link it to their account, through
 * a relay that holds the API key.
 *
 * @attr relay - Base URL of the link-wallet relay. Required.
 * @attr chains - Space-separated chains to offer (`evm solana ton`); default: all the relay enables.
 * @attr ton-manifest-url - Your own TON Connect manifest; default: the one the relay serves for this page. (Each chain
 *   reads the attributes it documents when one of its wallets is chosen.)
 * @attr user-token - A short-lived token from your backend naming your user (HS256 JWT, `sub` = your user id).
 * @attr profile - Show a profile form (display name, bio, location, portfolio and logo URLs) once linked.
 * @attr locale - The language (`en`, `es`, `ar`…); default: the nearest `lang` attribute, then the page's.
 * @attr theme - `light` or `dark`; default: the visitor's `prefers-color-scheme`.
 * @attr layout - `full` (default) or `compact` (chain icons without names, tighter spacing).
 * @attr state - Reflects the current step: idle, choosing, connecting, signing, linking, linked, error. Read-only.
 *
 * @event {LinkedEvent} lw-linked - A wallet was linked; `wallet` and `wallets` hold the result.
 * @event {UnlinkedEvent} lw-unlinked - A wallet was unlinked; `wallet` and `wallets` (those that remain).
 * @event {LinkErrorEvent} lw-error - A step failed; `code` is stable.
 * @event {StateEvent} lw-state - The element moved to another step.
 * @event {SignedOutEvent} lw-signed-out - The account's session ended on this page (signed out, everywhere, or ended by the relay).
 *
 * @csspart base - The wrapper around everything.
 * @csspart button - The button that opens the dialog.
 * @csspart dialog - The modal dialog.
 * @csspart wallet-list - The list of wallets to choose from.
 * @csspart wallet-option - One wallet in that list.
 * @csspart status - The live region that announces progress.
 * @csspart progress - The chosen wallet's icon in a ring that turns while it works.
 * @csspart continue - The heading that names the wallet to continue in.
 * @csspart error - The error message.
 * @csspart qr - The QR code a remote wallet scans, with its link.
 * @csspart wallets - The list of linked wallets.
 * @csspart wallet - One linked wallet in that list.
 * @csspart profile - The profile form.
 *
 * @cssproperty [--lw-accent=#4f46e5] - Buttons and focus rings.
 * @cssproperty [--lw-accent-contrast] - Text on the accent colour; by default black or white, whichever reads better on `--lw-accent`.
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
  /**
   * The chains the element can offer, each loaded only when offered: the registry's.
   * A page may add a chain of its own (its browser face) before opening the dialog;
   * the relay must know that chain too.
   */
  static chains: Record<string, BrowserChainLoader> = { ...BROWSER_CHAINS }
  static override properties = {
    relay: { type: String },
    chains: { type: String },
    userToken: { type: String, attribute: 'user-token' },
    profile: { type: Boolean },
    locale: { type: String },
    theme: { type: String, reflect: true },
    layout: { type: String, reflect: true },
    state: { type: String, reflect: true },
  }

  declare relay: string
  declare chains: string | undefined
  declare userToken: string | undefined
  declare profile: boolean
  declare locale: string | undefined
  declare theme: 'light' | 'dark' | undefined
  declare layout: 'full' | 'compact' | undefined
  declare state: Step

  /** The `locale`'s catalog once it has loaded, and the one loading (English too, once more than the button shows). */
  private catalog: { locale: string; messages: Messages } | undefined
  private loadingCatalog: { locale: string; done: Promise<void> } | undefined
  private ownMessages: Messages | undefined

  /**
   * The strings the element shows: your own once you set this, else the `locale`'s
   * catalog (undefined until it has loaded; meanwhile only the button shows, in English: an
   * English page loads its catalog when the dialog first opens or there are wallets to list).
   */
  get messages(): Messages | undefined {
    return this.ownMessages ?? this.catalog?.messages
  }
  set messages(messages: Messages) {
    this.ownMessages = messages
    this.requestUpdate()
  }

  /** Loads the catalog of the element's language, unless it is loaded or loading. */
  private loadCatalog(): Promise<void> {
    const locale = this.resolvedLocale
    if (this.catalog?.locale === locale) return Promise.resolve()
    if (this.loadingCatalog?.locale === locale) return this.loadingCatalog.done
    const done = loadMessages(locale).then((messages) => {
      // A language asked for later wins over one that arrives late.
      if (this.loadingCatalog?.locale !== locale) return
      this.catalog = { locale, messages }
      this.loadingCatalog = undefined
      this.requestUpdate()
    })
    this.loadingCatalog = { locale, done }
    return done
  }

  /** The language the element speaks now. */
  get resolvedLocale(): string {
    return resolveLocale(this.locale || this.closest<HTMLElement>('[lang]')?.lang || document.documentElement.lang)
  }

  private readonly account = new Account(this, () => ({ relay: this.relay, userToken: this.userToken || undefined }))
  /** The dialog's code, loaded on first open, and the flow it drives. */
  private panel: { module: Panel; flow: LinkController } | undefined
  private profileForm: ProfileForm | undefined | 'loading'
  /** The linked wallets' view, loaded once there is an account to show. */
  private linked: LinkedWallets | undefined | 'loading'

  constructor() {
    super()
    this.relay = ''
    this.profile = false
    this.state = 'idle'
  }

  /** The wallets linked to the account this page has a session for. */
  get linkedWallets(): readonly LinkedWallet[] {
    return this.account.wallets
  }

  /**
   * The account's session token, while there is one. Your backend can learn the
   * account's wallets from the relay with it (`GET /v1/wallets`, `Authorization: Bearer`);
   * treat it as a credential.
   */
  get sessionToken(): string | undefined {
    return this.account.session
  }

  /** Opens the dialog, loading its code the first time. */
  async open(): Promise<void> {
    if (!this.panel) {
      const [module] = await Promise.all([import('./panel.js'), this.loadCatalog()])
      this.panel ??= {
        module,
        flow: new module.LinkController(this, () => ({
          account: this.account,
          chains: this.chains?.split(/\s+/).filter(Boolean),
          loaders: (this.constructor as typeof LinkWallet).chains,
          attribute: (name) => this.getAttribute(name) || undefined,
        })),
      }
      this.adopt(module.panelStyles)
    }
    await this.panel.flow.open()
  }

  /** Ends the session on the relay and forgets it in this tab. */
  signOut(): Promise<void> {
    return this.account.signOut()
  }

  /** Ends every session of the account, on every device, and forgets this tab's. */
  signOutEverywhere(): Promise<void> {
    return this.account.signOutEverywhere()
  }

  private readonly adopted: CSSResultOrNative[] = []
  private adopt(sheet: CSSResultOrNative): void {
    this.adopted.push(sheet)
    adoptStyles(this.renderRoot as ShadowRoot, [...(this.constructor as typeof LinkWallet).elementStyles, ...this.adopted])
  }

  /** What the widget itself last put focus on (not the person), so that a list arriving later may take it. */
  private autoFocused: HTMLElement | undefined

  /** Where focus was in the open dialog before this update, by position among its controls. */
  private focusedAt = -1

  private dialogControls(dialog: HTMLDialogElement): HTMLElement[] {
    return [...dialog.querySelectorAll<HTMLElement>('button:not([disabled]), a[href], input:not([disabled])')]
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const dialog = this.renderRoot.querySelector?.('dialog')
    const active = this.shadowRoot?.activeElement as HTMLElement | null | undefined
    this.focusedAt = dialog?.open && active ? this.dialogControls(dialog).indexOf(active) : -1
    if (changed.has('relay') || changed.has('userToken')) void this.account.restore()
    // English needs no catalog until there is more to say than the button's label (first-paint.ts),
    // unless another language's is in use.
    const { wallets, notice } = this.account
    if (this.resolvedLocale !== 'en' || this.catalog || this.loadingCatalog || wallets.length || notice || this.panel)
      void this.loadCatalog()
    if (wallets.length && !this.linked) {
      this.linked = 'loading'
      void import('./linked-wallets.js').then((module) => {
        this.linked = new module.LinkedWallets(this, this.account)
        this.requestUpdate()
      })
    }
    if (this.profile && this.account.session && !this.profileForm) {
      this.profileForm = 'loading'
      void import('./profile-form.js').then((module) => {
        this.profileForm = new module.ProfileForm(this, this.account)
        this.adopt(module.profileStyles)
        this.requestUpdate()
      })
    }
    this.state = this.panel?.flow.step ?? 'idle'
  }

  override updated(changed: PropertyValues<this>): void {
    const dialog = this.renderRoot.querySelector('dialog')
    if (!dialog) return
    // A list that changed under the focus (a wallet found later replacing another listing) must not drop it
    // to the page: the control now at the same place takes it.
    if (this.focusedAt >= 0 && dialog.open && document.activeElement === document.body) {
      const controls = this.dialogControls(dialog)
      controls[Math.min(this.focusedAt, controls.length - 1)]?.focus()
    }
    // The list opens on its first wallet, whichever is first once found (chains report in any order),
    // until the person moves focus themselves.
    const active = this.shadowRoot?.activeElement
    if (this.state === 'choosing' && this.autoFocused && active === this.autoFocused) {
      const first = dialog.querySelector<HTMLElement>('[part=wallet-option]')
      if (first && first !== active) {
        first.focus()
        this.autoFocused = first
      }
    }
    if (!changed.has('state')) return
    if (this.state !== 'idle' && !dialog.open) dialog.showModal()
    // Each step puts focus on its main action; focus never falls out of the dialog with a removed button.
    if (this.state !== 'idle') {
      const active = this.shadowRoot?.activeElement
      const target =
        dialog.querySelector<HTMLElement>('[autofocus]') ??
        (this.state === 'choosing' ? dialog.querySelector<HTMLElement>('[part=wallet-option]') : null)
      if (target && target !== active) target.focus()
      else if (!target && !(active && dialog.contains(active))) dialog.querySelector<HTMLElement>('button')?.focus()
      this.autoFocused = this.shadowRoot?.activeElement as HTMLElement | undefined
    }
    if (this.state === 'idle' && dialog.open) {
      dialog.close()
      this.renderRoot.querySelector<HTMLButtonElement>('[part=button]')?.focus()
    }
  }

  override render() {
    const t = this.messages
    const locale = this.catalog?.locale ?? 'en'
    const { wallets, session, notice } = this.account
    const form = typeof this.profileForm === 'object' && this.profile && session ? this.profileForm : undefined
    return html`<div part="base" lang=${locale} dir=${directionOf(locale)}>
      ${t && wallets.length && typeof this.linked === 'object' ? this.linked.render(t, locale, !this.panel?.flow.error) : nothing}
      ${t && notice && !wallets.length ? html`<p part="status" role="status">${t[notice]}</p>` : nothing}
      <button part="button" class="primary" aria-haspopup="dialog" @click=${() => this.open()}>
        ${(t ?? firstPaint)[wallets.length ? 'linkAnother' : 'linkWallet']}
      </button>
      ${t && form ? form.render(t) : nothing}
      <dialog part="dialog" aria-labelledby="title" @cancel=${this.onCancel} @keydown=${this.trapFocus} @focusin=${this.onFocusIn}>
        ${t && this.panel ? this.panel.module.renderPanel(this.panel.flow, t, locale) : nothing}
      </dialog>
    </div>`
  }

  /** Tab and Shift+Tab cycle within the open dialog instead of leaving it for the browser's own controls. */
  private trapFocus = (event: KeyboardEvent) => {
    if (event.key !== 'Tab') return
    const dialog = event.currentTarget as HTMLDialogElement
    const focusable = this.dialogControls(dialog)
    const first = focusable[0]
    const last = focusable.at(-1)
    const active = this.shadowRoot?.activeElement
    if (!first || !last) return
    if (event.shiftKey && (active === first || active === dialog)) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && active === last) {
      event.preventDefault()
      first.focus()
    }
  }

  /**
   * Focus moved to anything but what the widget itself last focused: the person moves it now (Tab, a screen
   * reader), and a wallet listed later no longer takes it, even when they come back to where it was.
   */
  private onFocusIn = (event: FocusEvent) => {
    if (event.target !== this.autoFocused) this.autoFocused = undefined
  }

  private onCancel = (event: Event) => {
    event.preventDefault()
    this.panel?.flow.close()
  }
}
