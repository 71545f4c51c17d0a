/**
 * The browser face of every chain in the registry, each loaded only when the
 * widget offers that chain. The compiler holds this list to `CHAINS`.
 */
import type { BrowserChainLoader } from './browser-face.js'
import type { ChainId } from './registry.js'

export type { BrowserChainLoader }

export const BROWSER_CHAINS = {
  evm: () => import('./evm/browser.js'),
  solana: () => import('./solana/browser.js'),
  ton: () => import('./ton/browser.js'),
  sui: () => import('./sui/browser.js'),
  cosmos: () => import('./cosmos/browser.js'),
  substrate: () => import('./substrate/browser.js'),
  agw: () => import('./agw/browser.js'),
  imx: () => import('./imx/browser.js'),
  ultra: () => import('./ultra/browser.js'),
  flow_cadence: () => import('./flow_cadence/browser.js'),
} satisfies { [K in ChainId]: BrowserChainLoader }
