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
  // v1 and v2: seqno:32 pubkey:256
  a0cfc2c48aee16a271f2cfc0b7382d81756cecb1017d077faaab3bb602f6868c: { name: 'v1R1', publicKey: skipThen(32) },
  d4902fcc9fad74698fa8e353220a68da0dcf72e32bcb2eb9ee04217c17d3062c: { name: 'v1R2', publicKey: skipThen(32) },
  '587cc789eff1c84f46ec3797e45fc809a14ff5ae24f1e0c7a6a99cc9dc9061ff': { name: 'v1R3', publicKey: skipThen(32) },
  '5c9a5e68c108e18721a07c42f9956bfb39ad77ec6d624b60c576ec88eee65329': { name: 'v2R1', publicKey: skipThen(32) },
  fe9530d3243853083ef2ef0b4c2908c0abf6fa1c31ea243aacaa5bf8c7d753f1: { name: 'v2R2', publicKey: skipThen(32) },
  // v3: seqno:32 subwallet:32 pubkey:256
  b61041a58a7980b946e8fb9e198e3c904d24799ffa36574ea4251c41a566f581: { name: 'v3R1', publicKey: skipThen(64) },
  '84dafa449f98a6987789ba232358072bc0f76dc4524002a5d0918b9a75d2d599': { name: 'v3R2', publicKey: skipThen(64) },
  // v4: seqno:32 subwallet:32 pubkey:256 plugins:dict
  '64dd54805522c5be8a9db59cea0105ccf0d08786ca79beb8cb79e880a8d7322d': { name: 'v4R1', publicKey: skipThen(64) },
  feb5ff6820e2ff0d9483e7e0d62c817d846789fb4ae580c878866d959dabd5c0: { name: 'v4R2', publicKey: skipThen(64) },
  // v5R1: is_signature_allowed:1 seqno:32 wallet_id:32 pubkey:256 extensions:dict
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
