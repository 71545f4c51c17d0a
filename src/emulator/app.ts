/**
 * A faithful local Snag + Velt: the embedded default upstream for the demo and
 * every test. `createEmulator()` gives the Hono app, its state, fault injection
 * and a `fetch` that reaches the app without a network (and honours abort
 * signals, as a real fetch does).
 */
import { Hono } from 'hono'
import { cors } from 'hono/cors'
import type { AnyServerChain } from '../chains/server-face.js'
import { SERVER_CHAINS } from '../chains/server-registry.js'
import { webCrypto, type CryptoPort } from '../crypto/port.js'
import { SNAG_MESSAGES } from '../protocol/snag.js'
import { fetchInto } from '../upstream/http.js'
import { createChainStandIns } from './chains.js'
import { Faults, type Fault } from './faults.js'
import { snagRoutes, type SnagEmulatorOptions } from './snag.js'
import { EmulatorState } from './state.js'
import { createTonConnectBridge } from './tonconnect-bridge.js'
import { veltRoutes, type VeltEmulatorOptions } from './velt.js'

export type EmulatorOptions = {
  snag?: Partial<SnagEmulatorOptions>
  velt?: Partial<VeltEmulatorOptions>
  now?: () => number
  /**
   * Shared with the public (the hosted demo): no fault injection over HTTP and no
   * whole-state inspection; the demo shows each visitor their own account only; and
   * at most `MAX_DEMO_USERS` Snag users, a new one taking the place of the oldest.
   */
  publicDemo?: boolean
  /**
   * Check proofs as Snag does (default). Throughput benchmarks turn it off so the
   * emulator's checks do not compete with the relay's for the same CPU.
   */
  verifySignatures?: boolean
  /** Web Crypto unless the runtime has a faster one (the Node entry gives node:crypto). */
  crypto?: CryptoPort
  /** The chains whose proofs it checks, and whose addresses it reads canonically, by Snag walletType: the registry's by default. */
  chains?: readonly AnyServerChain[]
}

export type Emulator = ReturnType<typeof createEmulator>

const MAX_RECORDED_CALLS = 10_000
/** Snag users a public demo keeps (a few hundred bytes each): it runs for months, and anyone may link. */
export const MAX_DEMO_USERS = 50_000

const secret = () => `emu_${crypto.randomUUID().replaceAll('-', '')}`

/** Fills what the caller left out with fresh random credentials and ids. */
export function emulatorSettings(options: EmulatorOptions = {}) {
  return {
    snag: {
      apiKey: options.snag?.apiKey ?? secret(),
      websiteId: options.snag?.websiteId ?? crypto.randomUUID(),
      organizationId: options.snag?.organizationId ?? crypto.randomUUID(),
      maxWalletsPerGroup: options.snag?.maxWalletsPerGroup ?? 10,
    },
    velt: {
      apiKey: options.velt?.apiKey ?? secret(),
      authToken: options.velt?.authToken ?? secret(),
      organizationId: options.velt?.organizationId ?? `org_${crypto.randomUUID().slice(0, 8)}`,
    },
  }
}

export function createEmulator(options: EmulatorOptions = {}) {
  const settings = emulatorSettings(options)
  const chains = options.chains ?? Object.values(SERVER_CHAINS)
  const state = new EmulatorState(options.now ?? Date.now, chains, options.publicDemo ? MAX_DEMO_USERS : undefined)
  const faults = new Faults()
  const app = new Hono()
  /** The latest calls to the emulated APIs, in order, for tests that assert what reached upstream. */
  const calls: { method: string; path: string; query: string }[] = []

  app.use('*', async (c, next) => {
    if (!c.req.path.startsWith('/__emulator/')) {
      const url = c.req.url
      const at = url.indexOf('?')
      calls.push({ method: c.req.method, path: c.req.path, query: at === -1 ? '' : url.slice(at) })
      // A long-running emulator (the hosted demo) keeps only the most recent ones.
      if (calls.length > MAX_RECORDED_CALLS * 1.25) calls.splice(0, calls.length - MAX_RECORDED_CALLS)
    }
    await next()
  })
  if (!options.publicDemo) {
    // The demo page (another origin under npm start) asks with its session: a preflight first.
    app.use('/__emulator/state', cors())
    app.get('/__emulator/state', (c) => c.json(state.snapshot()))
    // Fault injection over HTTP, for tests that run the emulator in another process.
    app.post('/__emulator/faults', async (c) => {
      const { path, fault } = (await c.req.json()) as { path: string; fault: Fault }
      faults.next(path, fault)
      return c.body(null, 204)
    })
    app.delete('/__emulator/faults', (c) => {
      faults.clear()
      return c.body(null, 204)
    })
  }
  app.use('*', faults.middleware())
  app.route(
    '/',
    snagRoutes(state, {
      ...settings.snag,
      verifySignatures: options.verifySignatures ?? true,
      crypto: options.crypto ?? webCrypto,
      chains,
    }),
  )
  app.route('/', veltRoutes(state, settings.velt))
  // The chains whose accounts the relay asks about (Ultra, Flow; agw's and imx's EVM chains), standing in for their nodes.
  const chainStandIns = createChainStandIns()
  app.route('/', chainStandIns.app)
  // A TON Connect bridge and a wallets list naming the demo's simulated phone on it.
  const tonConnect = createTonConnectBridge({ now: options.now })
  app.route('/tonconnect', tonConnect.app)
  app.notFound((c) => c.json({ message: SNAG_MESSAGES.notFound }, 404))
  app.onError((_error, c) => c.json({ success: false, message: SNAG_MESSAGES.internal }, 500))

  return {
    app,
    state,
    faults,
    fetch: fetchInto(app),
    settings,
    calls,
    chains: chainStandIns,
    /** Ends what stays open (the TON Connect bridge's event streams), so that a server around it can close. */
    close: () => tonConnect.close(),
  }
}
