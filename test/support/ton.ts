/**
 * Real TON wallets for tests: node:crypto ed25519 keys and state inits built by @ton/ton for every
 * wallet contract it ships (v1R1 to v5R1 and the W5 beta). v4R1, which @ton/ton lacks, takes its
 * code from tonweb (test/vectors/ton-wallet-v4r1-code.json) and its data from the v4 layout it shares with v4R2.
 */
import { type Address, beginCell, Cell, contractAddress, storeStateInit } from '@ton/core'
import {
  WalletContractV1R1,
  WalletContractV1R2,
  WalletContractV1R3,
  WalletContractV2R1,
  WalletContractV2R2,
  WalletContractV3R1,
  WalletContractV3R2,
  WalletContractV4,
  WalletContractV5Beta,
  WalletContractV5R1,
} from '@ton/ton'
import { createHash } from 'node:crypto'
import v4r1 from '../vectors/ton-wallet-v4r1-code.json' with { type: 'json' }
import type { ChallengeResponse } from '../../src/protocol/relay.js'
import type { TonChain, TonVerification } from '../../src/protocol/snag.js'
import { tonProofEnvelope, tonProofMessage } from '../../src/chains/ton/ton-proof.js'
import { ed25519Key, type Ed25519Signer } from './ed25519.js'

export type TestTonWallet = ReturnType<typeof tonWallet>

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest()

export type TonProofOverrides = {
  domain?: string
  lengthBytes?: number
  timestamp?: number
  payload?: string
  chain?: TonChain
  address?: string
  stateInit?: string
  publicKey?: string
  /** Sign these fields instead of the ones sent. */
  signed?: { domain?: string; payload?: string; timestamp?: number }
}

export type TonContract = { address: Address; init: { code: Cell; data: Cell } }
const workchain = 0

function v4r1Contract(publicKey: Buffer): TonContract {
  const code = Cell.fromHex(v4r1.codeBocHex)
  if (code.hash().toString('hex') !== v4r1.codeHash) throw new Error('the v4R1 code vector does not hash to the v4R1 code hash')
  const init = { code, data: WalletContractV4.create({ workchain, publicKey }).init.data }
  return { address: contractAddress(workchain, init), init }
}

/** Each wallet contract version, by the name the TON Connect reference backend gives it. */
export const TON_WALLET_VERSIONS = {
  v1r1: (publicKey) => WalletContractV1R1.create({ workchain, publicKey }),
  v1r2: (publicKey) => WalletContractV1R2.create({ workchain, publicKey }),
  v1r3: (publicKey) => WalletContractV1R3.create({ workchain, publicKey }),
  v2r1: (publicKey) => WalletContractV2R1.create({ workchain, publicKey }),
  v2r2: (publicKey) => WalletContractV2R2.create({ workchain, publicKey }),
  v3r1: (publicKey) => WalletContractV3R1.create({ workchain, publicKey }),
  v3r2: (publicKey) => WalletContractV3R2.create({ workchain, publicKey }),
  v4r1: v4r1Contract,
  v4r2: (publicKey) => WalletContractV4.create({ workchain, publicKey }),
  v5beta: (publicKey) => WalletContractV5Beta.create({ publicKey }),
  v5r1: (publicKey) => WalletContractV5R1.create({ workchain, publicKey }),
} satisfies Record<string, (publicKey: Buffer) => TonContract>

export type TonWalletVersion = keyof typeof TON_WALLET_VERSIONS

/** A wallet of a known version, or of any contract `build` makes for the key. */
export function tonWallet(version: TonWalletVersion | ((publicKey: Buffer) => TonContract) = 'v4r2', key: Ed25519Signer = ed25519Key()) {
  const raw = key.publicKey
  const contract = typeof version === 'function' ? version(raw) : TON_WALLET_VERSIONS[version](raw)
  const stateInit = beginCell().store(storeStateInit(contract.init)).endCell().toBoc().toString('base64')
  const address = contract.address.toRawString()

  return {
    address,
    friendlyAddress: contract.address.toString(),
    publicKey: raw.toString('hex'),
    stateInit,
    /** A ton_proof answering `challenge` from `domain` (the page's host), signed by this key. */
    prove(challenge: ChallengeResponse, overrides: TonProofOverrides = {}): TonVerification {
      const domain = overrides.domain ?? challenge.domain
      const timestamp = overrides.timestamp ?? Math.floor(Date.parse(challenge.issuedAt) / 1000) + 5
      const payload = overrides.payload ?? challenge.nonce
      const message = tonProofMessage({
        workchain: contract.address.workChain,
        addressHash: contract.address.hash,
        domain: overrides.signed?.domain ?? domain,
        timestamp: overrides.signed?.timestamp ?? timestamp,
        payload: overrides.signed?.payload ?? payload,
      })
      const signature = key.sign(sha256(tonProofEnvelope(sha256(message)))).toString('base64')
      const init = overrides.stateInit ?? stateInit
      return {
        proof: {
          timestamp,
          domain: { lengthBytes: overrides.lengthBytes ?? Buffer.byteLength(domain), value: domain },
          payload,
          signature,
          state_init: init,
        },
        account: {
          address: overrides.address ?? address,
          chain: overrides.chain ?? '-239',
          publicKey: overrides.publicKey ?? raw.toString('hex'),
          walletStateInit: init,
        },
      }
    },
  }
}
