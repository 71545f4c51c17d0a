/**
 * The Wallet Standard registry, read once for every chain whose wallets register
 * there (Solana, Sui…): one pair of listeners, however many chains watch it; each
 * watcher hears the current wallets now and again whenever one comes or goes.
 */
import { getWallets } from '@wallet-standard/app'
import type { Wallet } from '@wallet-standard/base'

type Watcher = (wallets: readonly Wallet[]) => void

const watchers = new Set<Watcher>()
let stop: (() => void) | undefined

/** Calls `onWallets` with the registered wallets now and on every change, until `signal` aborts. */
export function watchStandardWallets(onWallets: Watcher, signal: AbortSignal): void {
  const registry = getWallets()
  if (!stop) {
    const report = () => {
      const wallets = registry.get()
      for (const watcher of watchers) watcher(wallets)
    }
    const off = [registry.on('register', report), registry.on('unregister', report)]
    stop = () => {
      for (const unsubscribe of off) unsubscribe()
      stop = undefined
    }
  }
  watchers.add(onWallets)
  signal.addEventListener(
    'abort',
    () => {
      watchers.delete(onWallets)
      if (!watchers.size) stop?.()
    },
    { once: true },
  )
  onWallets(registry.get())
}

/** The wallets once each, by name (a wallet registered twice is listed once). */
export function uniqueByName(wallets: readonly Wallet[]): Wallet[] {
  const byName = new Map<string, Wallet>()
  for (const wallet of wallets) if (!byName.has(wallet.name)) byName.set(wallet.name, wallet)
  return [...byName.values()]
}
