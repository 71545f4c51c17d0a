/** Real ed25519 keys for Solana tests (node:crypto), addresses and signatures in base58. */
import { base58 } from '@scure/base'
import { siwsMessage } from '../../src/chains/solana/siws.js'
import type { SolanaCluster } from '../../src/chains/solana/spec.js'
import type { ChallengeResponse } from '../../src/protocol/relay.js'
import { ed25519Key, type Ed25519Signer } from './ed25519.js'

export type TestSolanaWallet = ReturnType<typeof solanaWallet>

export function solanaWallet(key: Ed25519Signer = ed25519Key()) {
  const address = base58.encode(key.publicKey)
  const signBytes = (bytes: Uint8Array) => base58.encode(key.sign(bytes))
  return {
    address,
    publicKey: new Uint8Array(key.publicKey),
    sign: (message: string) => signBytes(new TextEncoder().encode(message)),
    /** The SIWS text for `challenge` (fields overridable) and its signature by this key. */
    prove(challenge: ChallengeResponse, overrides: Partial<ChallengeResponse> & { address?: string; chain?: SolanaCluster | string } = {}) {
      const { address: signer = address, chain = 'mainnet', ...fields } = overrides
      const message = siwsMessage({ ...challenge, ...fields }, chain as SolanaCluster, signer)
      return { message, signature: signBytes(new TextEncoder().encode(message)) }
    },
  }
}
