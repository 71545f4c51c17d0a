/**
 * The demo page: the widget against a relay, demo wallets that need no
 * extension, and the emulator's state beside it. The relay and emulator URLs
 * come from the query string or from what `npm start` wrote into the page.
 */
import './polyfills.js'
import '../src/widget/define.js'
import { askApproval } from './approval.js'
import { startControls } from './controls.js'
import { tonPhone } from './phone-ton.js'
import { startTimeline } from './timeline.js'
import { installDemoCosmosWallet } from './wallets/cosmos.js'
import { installDemoEvmWallet } from './wallets/evm.js'
import { installDemoFlowWallet } from './wallets/flow.js'
import { icons } from './wallets/icons.js'
import { installDemoSolanaWallet } from './wallets/solana.js'
import { installDemoSubstrateWallet } from './wallets/substrate.js'
import { installDemoSuiWallet } from './wallets/sui.js'
import { installDemoTonWallet } from './wallets/ton.js'
import { installDemoUltraWallet } from './wallets/ultra.js'

declare global {
  interface Window {
    __LINK_WALLET_DEMO__?: import('../src/relay/demo-site.js').DemoSettings
    /** The demo wallets' addresses, for whoever drives the page (tests, the curious). */
    demoWallets: Record<'evm' | 'solana' | 'ton' | 'sui' | 'cosmos' | 'substrate' | 'agw' | 'imx' | 'ultra' | 'flow', string>
  }
}

const params = new URLSearchParams(location.search)
// `?lang=es` shows the page (and so the widget, which follows it) in another language.
const lang = params.get('lang')
if (lang) document.documentElement.lang = lang
// The relay: named in the query, or by `npm start`; else this page's own origin (the hosted demo).
const relay = params.get('relay') ?? window.__LINK_WALLET_DEMO__?.relay ?? location.origin
// What the emulated Snag holds for the visitor's account: the hosted demo's own route (asked with
// the session, it shows this visitor's account only), or the whole state of an emulator named in
// the query or by `npm start` (a local emulator, one developer).
const emulator = params.get('emulator')
const stateUrl = emulator
  ? new URL('__emulator/state', emulator.endsWith('/') ? emulator : `${emulator}/`).href
  : window.__LINK_WALLET_DEMO__?.state
// Where the emulator's stand-ins for the Ultra and Flow chains answer: the demo wallets create their accounts there.
const chainsSetting = emulator ?? window.__LINK_WALLET_DEMO__?.chains
const chainStandIn = chainsSetting && new URL(chainsSetting, location.origin).href.replace(/\/$/, '')

// `?wallets=none` shows the page as a visitor without any wallet sees it;
// `?solana=signMessage` gives the demo Solana wallet no `solana:signIn`.
window.demoWallets =
  params.get('wallets') === 'none'
    ? { evm: '', solana: '', ton: '', sui: '', cosmos: '', substrate: '', agw: '', imx: '', ultra: '', flow: '' }
    : {
        evm: installDemoEvmWallet(askApproval).address,
        solana: installDemoSolanaWallet(askApproval, { signIn: params.get('solana') !== 'signMessage' }).address,
        ton: installDemoTonWallet(askApproval).address,
        sui: installDemoSuiWallet(askApproval).address,
        cosmos: installDemoCosmosWallet(askApproval).address,
        // sr25519 runs in WebAssembly, ready after a moment.
        substrate: (await installDemoSubstrateWallet(askApproval)).address,
        // Found by the rdns of Abstract Global Wallet and Immutable Passport, on their chains (plain keys, no contracts).
        agw: installDemoEvmWallet(askApproval, {
          name: 'Demo Abstract Wallet',
          rdns: 'xyz.abs.privy',
          icon: icons.agw,
          chainId: 2741,
          storageKey: 'link-wallet-demo:agw-key',
        }).address,
        imx: installDemoEvmWallet(askApproval, {
          name: 'Demo Passport',
          rdns: 'com.immutable.passport',
          icon: icons.imx,
          chainId: 13371,
          storageKey: 'link-wallet-demo:imx-key',
        }).address,
        ultra: installDemoUltraWallet(askApproval, chainStandIn).address,
        flow: installDemoFlowWallet(askApproval, chainStandIn).address,
      }

const widget = document.querySelector('link-wallet')!
widget.relay = relay
const chains = params.get('chains')
if (chains) widget.chains = chains
// `?userToken=` plays the host site's backend handing the widget a token for its signed-in user.
const userToken = params.get('userToken')
if (userToken) widget.userToken = userToken
// `?wcProject=…&wcRelay=ws://…` offers phone wallets over WalletConnect (the tests' relay stand-in, or Reown's).
const walletConnectProject = params.get('wcProject') ?? window.__LINK_WALLET_DEMO__?.walletConnect?.projectId
if (walletConnectProject) widget.setAttribute('walletconnect-project-id', walletConnectProject)
// `?tonWallets=` names a TON Connect wallets list of the page's own; by default the emulator's, which names the
// simulated phone on the emulator's TON Connect bridge (TON Connect's public list and bridges are not reachable here).
const tonBridge = chainStandIn && `${chainStandIn}/tonconnect/bridge`
const tonWallets = params.get('tonWallets') ?? (chainStandIn && `${chainStandIn}/tonconnect/wallets-v2.json`)
if (tonWallets) widget.setAttribute('ton-wallets-list-url', tonWallets)
// The demo's Flow wallet lives on the emulator's Flow stand-in: FCL asks it which network it is on.
if (chainStandIn) widget.setAttribute('flow-access-node-url', `${chainStandIn}/flow`)
const walletConnectRelay = params.get('wcRelay') ?? window.__LINK_WALLET_DEMO__?.walletConnect?.relayUrl
if (walletConnectRelay) widget.setAttribute('walletconnect-relay-url', walletConnectRelay)

// The simulated phone: offered when the page has a WalletConnect relay or a TON Connect bridge to answer through.
if ((walletConnectProject && walletConnectRelay) || tonBridge) {
  const section = document.querySelector<HTMLElement>('#phone')!
  const on = document.querySelector<HTMLInputElement>('#phone-on')!
  const phoneLog = document.querySelector('#phone-log')!
  section.hidden = false
  const log = (line: string) => {
    phoneLog.textContent = `${line}\n\n${phoneLog.textContent ?? ''}`
  }
  const pairingLink = () =>
    widget.shadowRoot?.querySelector<HTMLAnchorElement>('[part=qr] figcaption a:is([href^="wc:"], [href^="tc:"])')?.getAttribute('href') ??
    undefined
  let walletConnect: Promise<{ pair(uri: string): Promise<void> }> | undefined
  let ton: ReturnType<typeof tonPhone> | undefined
  // Each made when first used, as a phone wallet app is opened (WalletConnect's SDK is loaded then).
  async function scan(uri: string) {
    if (uri.startsWith('tc:')) {
      if (!tonBridge) throw new Error('this page has no TON Connect bridge')
      ton ??= tonPhone({ bridgeUrl: tonBridge, log })
      return ton.answer(uri)
    }
    if (!walletConnectProject || !walletConnectRelay) throw new Error('this page has no WalletConnect relay')
    walletConnect ??= import('./phone-wallet.js').then(({ startPhone }) =>
      startPhone({ projectId: walletConnectProject, relayUrl: walletConnectRelay, log }),
    )
    return (await walletConnect).pair(uri)
  }
  const scanned = new Set<string>()
  // The widget's dialog is modal: the phone watches for a QR code instead of waiting for a click.
  setInterval(() => {
    const uri = pairingLink()
    if (!on.checked || !uri || scanned.has(uri)) return
    scanned.add(uri)
    scan(uri).catch((error: unknown) => log(`Failed: ${String(error)}`))
  }, 300)
}

startTimeline(document.querySelector<HTMLOListElement>('#timeline')!, widget, relay)
for (const [id, path] of [
  ['#openapi-link', '/openapi.json'],
  ['#readyz-link', '/readyz'],
] as const)
  document.querySelector<HTMLAnchorElement>(id)!.href = `${relay.replace(/\/$/, '')}${path}`
void fetch(`${relay.replace(/\/$/, '')}/v1/config`)
  .then((response) => response.json())
  .then(({ chains }: { chains: string[] }) =>
    startControls(document.querySelector<HTMLFormElement>('#controls')!, document.querySelector('#snippet')!, widget, relay, chains),
  )
  .catch(() => {})

const events = document.querySelector('#events')!
const log = (text: string) => {
  const item = document.createElement('li')
  item.textContent = text
  events.prepend(item)
}
widget.addEventListener('lw-linked', (event) => {
  log(`lw-linked ${event.wallet.walletType} ${event.wallet.walletAddress} → user ${event.wallet.userId}`)
  void refreshState()
})
widget.addEventListener('lw-unlinked', (event) => {
  log(`lw-unlinked ${event.wallet.walletType} ${event.wallet.walletAddress}`)
  void refreshState()
})
widget.addEventListener('lw-error', (event) => {
  log(`lw-error ${event.code}`)
  void refreshState()
})
widget.addEventListener('lw-state', (event) => log(`lw-state ${event.state}`))

const statePanel = document.querySelector('#emulator-state')!
type EmulatedUser = { id: string; walletType: string; walletAddress: string; userGroupId: string | null }

/** The account as a table (wallet, chain, Snag user, group), the whole answer below it. */
function renderState(state: { users: EmulatedUser[] }) {
  const table = document.createElement('table')
  const head = table.createTHead().insertRow()
  for (const title of ['Chain (Snag walletType)', 'Wallet address', 'Snag user', 'User group']) {
    const cell = document.createElement('th')
    cell.scope = 'col'
    cell.textContent = title
    head.append(cell)
  }
  const body = table.createTBody()
  for (const user of state.users) {
    const row = body.insertRow()
    for (const value of [user.walletType, user.walletAddress, user.id, user.userGroupId ?? '—']) {
      const cell = row.insertCell()
      cell.textContent = value
    }
  }
  const raw = document.createElement('details')
  const summary = document.createElement('summary')
  summary.textContent = 'The emulator’s answer, as JSON'
  const pre = document.createElement('pre')
  pre.textContent = JSON.stringify(state, null, 2)
  raw.append(summary, pre)
  const empty = document.createElement('p')
  empty.textContent = 'No wallet linked yet.'
  statePanel.replaceChildren(state.users.length ? table : empty, raw)
}

async function refreshState() {
  if (!stateUrl) {
    statePanel.textContent = 'No emulator URL given (add ?emulator=…).'
    return
  }
  const session = widget.sessionToken
  try {
    const response = await fetch(stateUrl, session ? { headers: { authorization: `Bearer ${session}` } } : {})
    renderState((await response.json()) as { users: EmulatedUser[] })
  } catch {
    statePanel.textContent = 'The emulator could not be reached.'
  }
}
void refreshState()
setInterval(() => void refreshState(), 3000)
