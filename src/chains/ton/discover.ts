/**
 * TON wallets without loading the TON Connect SDK: wallets injected in this page
 * as TON Connect JS bridges (`window[jsBridgeKey].tonconnect` with `walletInfo`),
 * then one entry for every other wallet, reached by QR code or universal link.
 */
import type { WalletOption } from '../browser-face.js'

export type TonHandle = { kind: 'injected'; jsBridgeKey: string } | { kind: 'remote' }

type JsBridge = { tonconnect?: { walletInfo?: { name?: unknown; image?: unknown }; connect?: unknown } }

function injectedBridges(): [string, { name: string; image?: string }][] {
  const found: [string, { name: string; image?: string }][] = []
  for (const key of Object.keys(window)) {
    let value: unknown
    try {
      value = (window as unknown as Record<string, unknown>)[key]
    } catch {
      continue
    }
    const bridge = (value as JsBridge | null)?.tonconnect
    const info = bridge?.walletInfo
    if (typeof bridge?.connect === 'function' && typeof info?.name === 'string')
      found.push([key, { name: info.name, image: typeof info.image === 'string' ? info.image : undefined }])
  }
  return found
}

export function discoverTon(onWallets: (wallets: WalletOption[]) => void): void {
  const injected = injectedBridges().map(
    ([jsBridgeKey, info]): WalletOption => ({
      id: `ton:${jsBridgeKey}`,
      name: info.name,
      icon: info.image,
      walletType: 'ton',
      handle: { kind: 'injected', jsBridgeKey } satisfies TonHandle,
    }),
  )
  const remote: WalletOption = {
    id: 'ton:remote',
    name: 'TON Connect',
    walletType: 'ton',
    remote: true,
    handle: { kind: 'remote' } satisfies TonHandle,
  }
  onWallets([...injected, remote])
}
