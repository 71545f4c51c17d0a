/**
 * The wallet contracts whose state init the relay can read a public key from,
 * identified by code hash. Wallets deployed with their code as a library cell
 * (Tonkeeper's W5) are identified by the hash the library cell references.
 * Each layout is the contract's persistent data; the key follows the fields
 * before it.
 */
import type { Cell, Slice } from '@ton/core'

type KnownWallet = { name: string; publicKey(data: Slice): Buffer }

const skipThen = (bits: number) => (data: Slice) => {
  data.skip(bits)
  return data.loadBuffer(32)
}

export const KNOWN_WALLETS: Record<string, KnownWallet> = {
  // seqno:32 subwallet:32 pubkey:256
  '84dafa449f98a6987789ba232358072bc0f76dc4524002a5d0918b9a75d2d599': { name: 'v3R2', publicKey: skipThen(64) },
  // seqno:32 subwallet:32 pubkey:256 plugins:dict
  feb5ff6820e2ff0d9483e7e0d62c817d846789fb4ae580c878866d959dabd5c0: { name: 'v4R2', publicKey: skipThen(64) },
  // is_signature_allowed:1 seqno:32 wallet_id:32 pubkey:256 extensions:dict
  '20834b7b72b112147e1b2fb457b84e74d1a30f04f737d4f62a668e9552d2b72f': { name: 'v5R1', publicKey: skipThen(65) },
  // W5 beta (Tonkeeper testnet, 2024): seqno:33 wallet_id:80 pubkey:256
  e4cf3b2f4c6d6a61ea0f2b5447d266785b26af3637db2deee6bcd1aa826f3412: { name: 'W5 beta', publicKey: skipThen(113) },
}

const LIBRARY_CELL = 2

/** The hash that names a contract's code: the cell's own, or the one a library cell points to. */
export function codeHash(code: Cell): string {
  if (code.isExotic) {
    const slice = code.beginParse(true)
    if (slice.loadUint(8) === LIBRARY_CELL) return slice.loadBuffer(32).toString('hex')
  }
  return code.hash().toString('hex')
}

/** The wallet's name and the public key its state init holds, or undefined for unknown code. */
export function walletKey(code: Cell, data: Cell): { name: string; publicKey: Buffer } | undefined {
  const known = KNOWN_WALLETS[codeHash(code)]
  if (!known) return undefined
  return { name: known.name, publicKey: known.publicKey(data.beginParse()) }
}
