/**
 * The account's linked wallets, each with its chain, a copy button and an unlink
 * that asks for confirmation, and the ways to sign out. Loaded once the page has
 * an account to show: a first-time visitor's page loads only the button.
 */
import { html, nothing, svg, type ReactiveControllerHost } from 'lit'
import type { LinkedWallet } from '../protocol/relay.js'
import type { Account } from './account.js'
import { chainIcon, chainLabel, shownAddress } from './chain-label.js'
import { shorten } from './format.js'
import { errorText, type Messages } from './i18n/index.js'

const copyIcon = svg`<svg viewBox="0 0 16 16" width="16" height="16" fill="none" stroke="currentColor" stroke-width="1.5" aria-hidden="true"><rect x="5.5" y="5.5" width="8" height="8" rx="1.5"/><path d="M10.5 3.5v-1h-8v8h1"/></svg>`

export class LinkedWallets {
  /** The address just copied, announced for two seconds. */
  private copied: string | undefined

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly account: Account,
  ) {}

  private async copy(address: string): Promise<void> {
    await navigator.clipboard?.writeText(address).catch(() => {})
    this.copied = address
    this.host.requestUpdate()
    setTimeout(() => {
      if (this.copied === address) this.copied = undefined
      this.host.requestUpdate()
    }, 2000)
  }

  /** The list; `showError` is false while the dialog shows the error itself. */
  render(t: Messages, locale: string, showError: boolean) {
    const { wallets, error } = this.account
    return html`<section part="wallets" aria-labelledby="linked-title">
      <h2 id="linked-title">${t.linkedWallets}</h2>
      <ul>
        ${wallets.map((w) => this.renderWallet(w, wallets.length > 1, t, locale))}
      </ul>
      ${wallets.length === 1 ? html`<p class="hint">${t.lastWallet}</p>` : nothing}
      <p class="sr-only" role="status" aria-live="polite">${this.copied ? t.copied : ''}</p>
      ${error && showError ? html`<p part="error" role="alert">${errorText(t, error)}</p>` : nothing}
      <div class="sign-out">
        <button class="text" @click=${() => this.account.signOut()}>${t.signOut}</button>
        <button class="text" @click=${() => this.account.signOutEverywhere()}>${t.signOutEverywhere}</button>
      </div>
    </section>`
  }

  private renderWallet(wallet: LinkedWallet, canUnlink: boolean, t: Messages, locale: string) {
    const { confirming, unlinking } = this.account
    const shown = shownAddress(wallet.walletType, wallet.walletAddress)
    const short = shorten(shown)
    const unlink = !canUnlink
      ? nothing
      : confirming === wallet.userId
        ? html`<span class="confirm">
            <span class="question">${t.unlinkQuestion(short)}</span>
            <button class="danger" ?disabled=${unlinking === wallet.userId} @click=${() => this.account.unlink(wallet.userId)}>${t.unlink}</button>
            <button class="text" @click=${() => this.account.confirm(undefined)}>${t.cancel}</button>
          </span>`
        : html`<button class="text" aria-label=${t.unlinkWallet(short)} @click=${() => this.account.confirm(wallet.userId)}>${t.unlink}</button>`
    const label = chainLabel(wallet.walletType, locale)
    return html`<li part="wallet" class=${confirming === wallet.userId ? 'wallet confirming' : 'wallet'}>
      ${chainIcon(wallet.walletType)}<span class="chain-name" title=${label}><bdi>${label}</bdi></span>
      <code dir="ltr" title=${shown}>${short}</code>
      <button class="text" aria-label=${t.copyAddress(short)} @click=${() => this.copy(shown)}>${copyIcon}</button>
      ${unlink}
    </li>`
  }
}
