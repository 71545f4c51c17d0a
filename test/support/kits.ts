/**
 * A test kit per chain: wallets with real keys and the proofs they make, with the
 * alterations the conformance suite needs. The compiler holds this list to the
 * registry: a chain without a kit does not build, so every registered chain meets
 * the suite.
 */
import type { ChainId } from '../../src/chains/registry.js'
import type { ChallengeRequest, ChallengeResponse } from '../../src/protocol/relay.js'
import { cosmosWallet } from './cosmos.js'
import { evmWallet } from './evm.js'
import { solanaWallet } from './solana.js'
import { substrateWallet } from './substrate.js'
import { suiWallet } from './sui.js'
import { tonWallet } from './ton.js'
import { ultraWallet } from './ultra.js'
import { flowKey, flowWallet } from './flow.js'
import { PrivateKey } from '@wharfkit/antelope'

/** What a proof may be made to get wrong. */
export type Alteration = {
  /** Bound to another site's domain. */
  domain?: string
  /** Naming another network than the relay's (or the challenge's). */
  otherNetwork?: boolean
  /** Signed by another key than the address names. */
  otherKey?: boolean
}

export type KitWallet = {
  address: string
  /** The challenge this wallet asks for (with its address where the chain's wallets give it first). */
  challengeRequest(): ChallengeRequest
  /** `verificationData` answering `challenge`, altered as asked. */
  prove(challenge: ChallengeResponse, alter?: Alteration): Promise<unknown>
}

export type ChainKit = { id: string; wallet(): KitWallet }

const FLOW_KEY_KINDS = [
  ['ECDSA_P256', 'SHA3_256'],
  ['ECDSA_secp256k1', 'SHA2_256'],
  ['ECDSA_P256', 'SHA2_256'],
  ['ECDSA_secp256k1', 'SHA3_256'],
] as const
let flowWallets = 0

/** A plain key of an EVM-family chain, signing SIWE on `chainId`. */
function siweKit<Id extends 'evm' | 'agw' | 'imx'>(id: Id, chainId: number) {
  return {
    id,
    wallet() {
      const wallet = evmWallet()
      return {
        address: wallet.address,
        challengeRequest: () => ({ walletType: id, address: wallet.address, chainId }),
        async prove(challenge: ChallengeResponse, alter: Alteration = {}) {
          const proof = await wallet.prove(challenge, {
            ...(alter.domain ? { domain: alter.domain } : {}),
            ...(alter.otherNetwork ? { chainId: 56 } : {}),
          })
          return alter.otherKey ? { ...proof, signature: await evmWallet().sign(proof.message) } : proof
        },
      }
    },
  }
}

export const KITS = {
  evm: siweKit('evm', 1),
  solana: {
    id: 'solana',
    wallet() {
      const wallet = solanaWallet()
      return {
        address: wallet.address,
        challengeRequest: () => ({ walletType: 'solana' }),
        async prove(challenge, alter = {}) {
          const proof = wallet.prove(challenge, {
            ...(alter.domain ? { domain: alter.domain } : {}),
            ...(alter.otherNetwork ? { chain: 'devnet' } : {}),
          })
          return alter.otherKey ? { ...proof, signature: solanaWallet().sign(proof.message) } : proof
        },
      }
    },
  },
  ton: {
    id: 'ton',
    wallet() {
      const wallet = tonWallet()
      return {
        address: wallet.address,
        challengeRequest: () => ({ walletType: 'ton' }),
        async prove(challenge, alter = {}) {
          const overrides = { ...(alter.domain ? { domain: alter.domain } : {}), ...(alter.otherNetwork ? { chain: '-3' as const } : {}) }
          const proof = wallet.prove(challenge, overrides)
          if (alter.otherKey)
            proof.proof.signature = tonWallet().prove(challenge, { ...overrides, address: wallet.address }).proof.signature
          return { tonVerification: proof }
        },
      }
    },
  },
  sui: {
    id: 'sui',
    wallet() {
      const wallet = suiWallet()
      return {
        address: wallet.address,
        challengeRequest: () => ({ walletType: 'sui', address: wallet.address }),
        async prove(challenge, alter = {}) {
          const proof = await wallet.prove(challenge, {
            ...(alter.domain ? { domain: alter.domain } : {}),
            ...(alter.otherNetwork ? { network: 'testnet' } : {}),
          })
          return alter.otherKey ? { ...proof, signature: await suiWallet().sign(proof.message) } : proof
        },
      }
    },
  },
  cosmos: {
    id: 'cosmos',
    wallet() {
      const wallet = cosmosWallet()
      return {
        address: wallet.address,
        challengeRequest: () => ({ walletType: 'cosmos', address: wallet.address, chainId: 'cosmoshub-4' }),
        async prove(challenge, alter = {}) {
          const proof = await wallet.prove(challenge, {
            ...(alter.domain ? { domain: alter.domain } : {}),
            ...(alter.otherNetwork ? { chainId: 'osmosis-1' } : {}),
          })
          return alter.otherKey ? { ...proof, signature: JSON.stringify(await cosmosWallet().sign(proof.message, wallet.address)) } : proof
        },
      }
    },
  },
  substrate: {
    id: 'substrate',
    wallet() {
      const wallet = substrateWallet()
      return {
        address: wallet.address,
        challengeRequest: () => ({ walletType: 'substrate', address: wallet.address }),
        async prove(challenge, alter = {}) {
          const overrides = {
            ...(alter.domain ? { domain: alter.domain } : {}),
            ...(alter.otherNetwork ? { chainId: 'polkadot:b0a8d493285c2df73290dfb7e61f870f' } : {}),
          }
          const proof = wallet.prove(challenge, overrides)
          return alter.otherKey ? { ...proof, signature: substrateWallet().sign(proof.message) } : proof
        },
      }
    },
  },
  ultra: {
    id: 'ultra',
    wallet() {
      const wallet = ultraWallet()
      return {
        address: wallet.address,
        challengeRequest: () => ({ walletType: 'ultra', address: wallet.address }),
        async prove(challenge, alter = {}) {
          const proof = wallet.prove(challenge, {
            ...(alter.domain ? { domain: alter.domain } : {}),
            ...(alter.otherNetwork ? { chainId: 'antelope:1064487b3cd1a897ce03ae5b6a865651' } : {}),
          })
          return alter.otherKey ? { ...proof, signature: wallet.sign(proof.message, PrivateKey.generate('K1')) } : proof
        },
      }
    },
  },
  flow_cadence: {
    id: 'flow_cadence',
    wallet() {
      // Each wallet the next of Flow's four key kinds: P-256 or secp256k1, hashing with SHA2-256 or SHA3-256.
      const [curve, hash] = FLOW_KEY_KINDS[flowWallets++ % FLOW_KEY_KINDS.length]!
      const wallet = flowWallet({ keys: [{ key: flowKey(curve, hash) }] })
      return {
        address: wallet.address,
        challengeRequest: () => ({ walletType: 'flow_cadence', address: wallet.address }),
        async prove(challenge, alter = {}) {
          const proof = wallet.prove(challenge, {
            ...(alter.domain ? { domain: alter.domain } : {}),
            ...(alter.otherNetwork ? { chainId: 'flow:testnet' } : {}),
          })
          return alter.otherKey ? { ...proof, signature: wallet.sign(proof.message, [0], flowKey()) } : proof
        },
      }
    },
  },
  agw: siweKit('agw', 2741),
  imx: siweKit('imx', 13371),
} satisfies { [K in ChainId]: ChainKit & { id: K; wallet(): KitWallet } }
