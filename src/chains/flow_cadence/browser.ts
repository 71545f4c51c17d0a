/**
 * Flow: wallets reach pages through FCL. An extension wallet announces itself by
 * pushing an FCL `authn` service onto `window.fcl_extensions`; discovery reads
 * that list without loading FCL, which loads (with the signing code) only when a
 * Flow wallet is chosen.
 */
import { lazyChain, type WalletOption } from '../browser-face.js'

/** An FCL service as wallets announce it (FCL's `Service` object, the fields the widget reads). */
export type FclService = {
  f_type?: string
  type: string
  method: string
  uid?: string
  endpoint: string
  provider?: { name?: unknown; icon?: unknown; address?: unknown }
}

function extensions(): WalletOption[] {
  const services = typeof window === 'undefined' ? undefined : (window as { fcl_extensions?: unknown }).fcl_extensions
  if (!Array.isArray(services)) return []
  const found: WalletOption[] = []
  for (const service of services as FclService[]) {
    if (service?.type !== 'authn' || typeof service.method !== 'string' || typeof service.endpoint !== 'string') continue
    const name = typeof service.provider?.name === 'string' ? service.provider.name : 'Flow wallet'
    const id = `flow:${service.uid ?? name}`
    if (found.some((option) => option.id === id)) continue
    const icon =
      typeof service.provider?.icon === 'string' && /^(https:|data:image\/)/.test(service.provider.icon) ? service.provider.icon : undefined
    found.push({ id, name, icon, walletType: 'flow_cadence', handle: service })
  }
  return found
}

export const chain = lazyChain(
  'flow_cadence',
  (onWallets) => onWallets(extensions()),
  () => import('./prove.js'),
)
