/** Real TON wallets for tests: node:crypto ed25519 keys and v4R2 / v5R1 state inits built by @ton/ton. */
import { beginCell, storeStateInit } from '@ton/core'
import { WalletContractV4, WalletContractV5R1 } from '@ton/ton'
import { createHash } from 'node:crypto'
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

export function tonWallet(version: 'v4r2' | 'v5r1' = 'v4r2', key: Ed25519Signer = ed25519Key()) {
  const raw = key.publicKey
  const contract =
    version === 'v4r2'
      ? WalletContractV4.create({ workchain: 0, publicKey: raw })
      : WalletContractV5R1.create({ workchain: 0, publicKey: raw })
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
