/**
 * What a chain is, shared by the widget, the relay and the emulator: its ids,
 * name and mark, the proof it sends, its operator settings (environment
 * variables with their defaults) and what of them the widget learns, and how its
 * proof becomes Snag's `verificationData`. Each chain's `spec.ts` is one of
 * these; it imports nothing from the browser's or the server's world.
 */
import { z } from 'zod/mini'
import type { VerificationData, WalletType } from '../protocol/snag.js'

/** One operator setting: an environment variable, its default, and what `--help` says of it. */
export type EnvVar = { help: string; default?: string | undefined; schema: z.ZodMiniType }

/** An http(s) URL, as operators write one in a variable. */
export const HttpUrl = z.string().check(z.refine((value) => /^https?:\/\//.test(value) && URL.canParse(value), 'must be an http(s) URL'))

/** An environment variable read by `schema`, `fallback` when unset. */
export function envVar(help: string, fallback: string | undefined, schema: z.ZodMiniType<unknown, string>): EnvVar {
  return { help, default: fallback, schema: fallback === undefined ? z.optional(schema) : z.prefault(schema, fallback) }
}

/** What only the relay knows when it tells a page about a chain. */
export type RelayFacts = {
  /** The relay's public URL, when it knows one. */
  publicUrl?: string | undefined
  /** The page asking, when it said. */
  origin?: string | undefined
}

export interface ChainSpec<Id extends string = string, Settings = unknown, Public = unknown, Proof = unknown> {
  readonly id: Id
  /** Snag's `walletType` for this chain's wallets. */
  readonly walletType: WalletType
  /**
   * Whether Snag's documents say it verifies this family's proofs itself. For the
   * others the relay tells Snag it verified the proof (`verifiedLocally`), unless
   * the operator says otherwise (VERIFIED_BY_RELAY).
   */
  readonly snagVerifies: boolean
  /** The name the widget shows: English, and the languages where it differs. */
  readonly name: { readonly en: string } & Readonly<Partial<Record<string, string>>>
  /** A 16×16 monochrome mark as SVG path data, drawn in the text colour beside the name. */
  readonly icon: string
  /** Where someone without a wallet of this chain gets one: a popular wallet's official download page. */
  readonly getWallet?: { readonly name: string; readonly url: string }
  /** The address as the chain's people know it, to show (TON's user-friendly form); the canonical form when absent. */
  displayAddress?(address: string): string
  /** What `verificationData` holds for this chain, as the relay accepts it from a browser (strict, bounded). */
  readonly proof: z.ZodMiniType<Proof>
  /** Operator settings, by environment variable. */
  readonly env: Readonly<Record<string, EnvVar>>
  /** The settings the parsed environment variables make. */
  settings(env: Readonly<Record<string, unknown>>): Settings
  /** What `GET /v1/config` tells a page of these settings, and its schema. */
  readonly publicSettings: z.ZodMiniType<Public>
  toPublic(settings: Settings, relay: RelayFacts): Public
  /** Snag's `verificationData` for a proof: exactly what its API documents, nothing the browser added. */
  forSnag(proof: Proof): VerificationData
  /** The RPC endpoints these settings name, by the reference the verifier asks for (a chain id, a network…). */
  rpcUrls?(settings: Settings): Record<string, string>
  /** What is wrong with these settings when the chain is enabled, one line each (the relay then does not start). */
  problems?(settings: Settings): string[]
  /**
   * Under `--emulate`: the variables that point this chain at the emulator's stand-in
   * for the node it asks (served under `standIn`), given the environment so far; what
   * the environment already names wins.
   */
  emulated?(env: Readonly<Record<string, string | undefined>>, standIn: string): Record<string, string>
  /** False for a chain the relay enables only when `CHAINS` names it (one that cannot work without settings of its own). */
  readonly enabledByDefault?: boolean
}

/** Any chain's spec, as code that treats every chain alike sees it. */
export type AnyChainSpec = ChainSpec<string, unknown, unknown, unknown>

/** A registry of chains, each keyed by its own id (the compiler checks that they agree). */
export function defineChains<T extends { readonly [K in keyof T]: ChainSpec<K & string> }>(chains: T): T {
  return chains
}

/** The name of a chain in `locale`, English where the chain has none of its own. */
export const chainName = (spec: Pick<AnyChainSpec, 'name'>, locale: string) => spec.name[locale] ?? spec.name.en
