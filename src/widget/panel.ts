/**
 * The dialog's contents and the flow behind them, loaded the first time the
 * person opens the dialog: the element's first load is only its button.
 */
import { html, nothing, svg } from 'lit'
import { keyed } from 'lit/directives/keyed.js'
import { repeat } from 'lit/directives/repeat.js'
import { onPhone } from '../chains/deep-links.js'
import type { RemoteView, WalletOption } from '../chains/browser-face.js'
import { chainIcon, chainLabel, chainWalletLink, shownAddress } from './chain-label.js'
import { errorText, type Messages } from './i18n/index.js'
import { shorten } from './format.js'
import { isInBrowser, type LinkController } from './link-controller.js'

export { LinkController } from './link-controller.js'
export { panelStyles } from './panel-styles.js'

/** Errors a retry cannot mend: the wallet is already here, the site or the person is not allowed, the page is not set up. */
const FINAL = new Set<string>([
  'already_linked',
  'origin_not_allowed',
  'unauthorized',
  'forbidden',
  'max_wallets_linked',
  'wallet_unsupported',
  'relay_not_configured',
  'user_token_refused',
  'payload_too_large',
  'unsupported_media_type',
])

function statusText(flow: LinkController, t: Messages): string {
  const { step, chosen, wallets, discovering, linked, view } = flow
  switch (step) {
    case 'choosing':
      return discovering && !wallets.length ? t.loadingWallets : wallets.some(isInBrowser) ? '' : t.noWalletHere
    case 'connecting':
      return view ? (onPhone() ? t.openOnPhone : t.scanQr) : t.connecting(chosen?.name ?? '')
    case 'signing':
      return t.signing(chosen?.name ?? '')
    case 'linking':
      return t.linking
    case 'linked':
      if (flow.signedInTo) return t.signedIn(flow.signedInTo)
      return linked ? `${t.linked} ${shorten(shownAddress(linked.walletType, linked.walletAddress))}` : t.linked
    default:
      return ''
  }
}

function statusClass({ step, discovering, wallets }: LinkController): string {
  if (step === 'connecting' || step === 'signing' || step === 'linking' || (step === 'choosing' && discovering && !wallets.length))
    return 'busy'
  return step === 'linked' ? 'done' : ''
}

/** A QR code drawn from the chain's modules (one SVG path), and the same link to open on a phone. */
function renderRemote(view: RemoteView, t: Messages) {
  const size = view.modules.length
  let path = ''
  for (const [y, row] of view.modules.entries()) for (const [x, dark] of row.entries()) if (dark) path += `M${x} ${y}h1v1h-1z`
  return html`<figure part="qr">
    <svg viewBox="0 0 ${size} ${size}" role="img" aria-label=${t.qrLabel} shape-rendering="crispEdges">
      <rect width=${size} height=${size} fill="#fff"></rect>
      <path d=${path} fill="#000"></path>
    </svg>
    <figcaption>
      <a href=${view.uri} target="_blank" rel="noopener noreferrer">${t.openWallet}</a>
      <button class="text" @click=${() => navigator.clipboard?.writeText(view.uri).catch(() => {})}>${t.copyLink}</button>
    </figcaption>
    ${
      view.links?.length && onPhone()
        ? html`<ul part="qr-links">
            ${view.links.map(({ name, href }) => html`<li><a href=${href} rel="noopener noreferrer">${t.openIn(name)}</a></li>`)}
          </ul>`
        : nothing
    }
  </figure>`
}

/** Wallets in this browser first, then those reached by QR code or on a phone, then pages to open in a wallet app. */
const reach = (wallet: WalletOption) => (wallet.href ? 2 : wallet.remote ? 1 : 0)
const byReach = (wallets: readonly WalletOption[]) => [...wallets].sort((a, b) => reach(a) - reach(b))

const qrGlyph = svg`<svg class="glyph" viewBox="0 0 16 16" width="28" height="28" fill="currentColor" aria-hidden="true"><path d="M2 2h5v5H2zm1 1v3h3V3zm6-1h5v5H9zm1 1v3h3V3zM2 9h5v5H2zm1 1v3h3v-3zm6-1h2v2H9zm3 0h2v2h-2zm-3 3h2v2H9zm3 0h2v2h-2zM4 4h1v1H4zm7 0h1v1h-1zm-7 7h1v1H4z"/></svg>`

/**
 * The chosen wallet, large, inside a ring that turns while the wallet or the relay works;
 * while the person acts in an in-browser wallet, a heading names where to go.
 */
function renderProgress(flow: LinkController, t: Messages) {
  const wallet = flow.chosen
  const inWallet = wallet && !wallet.remote && (flow.step === 'connecting' || flow.step === 'signing')
  return html`<div part="progress" class="progress" aria-hidden="true">
      ${wallet?.icon ? html`<img src=${wallet.icon} alt="" />` : wallet?.remote ? qrGlyph : chainIcon(wallet?.walletType ?? '')}
    </div>
    ${inWallet ? html`<h3 part="continue" class="continue">${t.continueIn(wallet.name)}</h3>` : nothing}`
}

function renderOption(flow: LinkController, wallet: WalletOption, t: Messages, locale: string) {
  const chain = chainLabel(wallet.walletType, locale)
  if (wallet.href)
    return html`<li>
      <a part="wallet-option" href=${wallet.href} rel="noopener noreferrer">
        <span class="label">
          <span class="name"><bdi>${t.openIn(wallet.name)}</bdi></span>
          <span class="chain">${chain}</span>
        </span>
      </a>
    </li>`
  const name = wallet.remote ? (onPhone() ? t.remoteWalletApp(chain) : t.remoteWallet(chain)) : wallet.name
  return html`<li>
    <button part="wallet-option" @click=${() => flow.choose(wallet)}>
      ${wallet.icon ? html`<img src=${wallet.icon} alt="" />` : wallet.remote ? qrGlyph : html`<span class="glyph">${chainIcon(wallet.walletType)}</span>`}
      <span class="label">
        <span class="name" title=${name}><bdi>${name}</bdi></span>
        ${wallet.remote ? nothing : html`<span class="chain"><bdi>${chain}</bdi></span>`}
      </span>
    </button>
  </li>`
}

/** Where to get a wallet of each offered chain (its spec's choice), as plain links. */
function renderGetWallet(chains: readonly string[], t: Messages, locale: string) {
  const links = chains.flatMap((chain) => {
    const wallet = chainWalletLink(chain)
    return wallet ? [{ chain, ...wallet }] : []
  })
  if (!links.length) return nothing
  return html`<ul part="get-wallet">
    ${links.map(
      ({ chain, name, url }) =>
        html`<li><a href=${url} target="_blank" rel="noopener noreferrer">${t.getWallet(name, chainLabel(chain, locale))}</a></li>`,
    )}
  </ul>`
}

function renderStep(flow: LinkController, t: Messages, locale: string) {
  switch (flow.step) {
    case 'choosing': {
      const none = !flow.discovering && !flow.wallets.some(isInBrowser)
      return html`<p>${none ? (flow.wallets.length ? t.noWalletUsePhone : t.noWalletGetOne) : t.chooseWallet}</p>
        ${
          flow.wallets.length
            ? html`<ul part="wallet-list" aria-label=${t.chooseWallet}>
              ${repeat(
                byReach(flow.wallets),
                (wallet) => `${wallet.walletType}:${wallet.id}`,
                (wallet) => renderOption(flow, wallet, t, locale),
              )}
            </ul>`
            : nothing
        }
        ${none ? renderGetWallet(flow.offered, t, locale) : nothing}`
    }
    case 'connecting':
    case 'signing':
    case 'linking':
      return html`${flow.view ? nothing : renderProgress(flow, t)}${flow.view ? renderRemote(flow.view, t) : nothing}
        <div class="actions"><button class="secondary" autofocus @click=${() => flow.back()}>${t.back}</button></div>`
    case 'linked':
      return html`<div class="actions"><button class="primary" autofocus @click=${() => flow.close()}>${t.done}</button></div>`
    case 'error':
      return flow.error === 'wallet_linked_elsewhere'
        ? html`<p part="error" role="alert">${t.moveQuestion}</p>
            <div class="actions">
              <button class="secondary" @click=${() => flow.back()}>${t.back}</button>
              <button class="primary" autofocus @click=${() => flow.move()}>${t.moveWallet}</button>
            </div>`
        : FINAL.has(flow.error ?? '')
          ? // Trying the same again cannot help: one way out.
            html`${
              flow.error === 'already_linked'
                ? html`<p class="notice" role="status">${errorText(t, flow.error)}</p>`
                : html`<p part="error" role="alert">${errorText(t, flow.error ?? 'internal')}</p>`
            }
              <div class="actions"><button class="primary" autofocus @click=${() => flow.back()}>${t.back}</button></div>`
          : html`<p part="error" role="alert">${errorText(t, flow.error ?? 'internal')}</p>
              <div class="actions">
                <button class="secondary" @click=${() => flow.back()}>${t.back}</button>
                <button class="primary" autofocus @click=${() => flow.retry()}>${t.retry}</button>
              </div>`
    default:
      return nothing
  }
}

/** Everything inside the `<dialog>`: title, close button, one live region for the whole flow, the step. */
export function renderPanel(flow: LinkController, t: Messages, locale: string) {
  return html`<header>
      <h2 id="title">${t.dialogTitle}</h2>
      <button class="close" aria-label=${t.close} @click=${() => flow.close()}>×</button>
    </header>
    <p part="status" role="status" aria-live="polite" class=${statusClass(flow)}>${statusText(flow, t)}</p>
    ${flow.step === 'idle' ? nothing : keyed(flow.step, html`<div class="step">${renderStep(flow, t, locale)}</div>`)}`
}
