/** Real ed25519 keys for Solana tests (node:crypto), addresses and signatures in base58. */
import { base58 } from '@scure/base'
import { generateKeyPairSync, sign } from 'node:crypto'
import type { ChallengeResponse, SolanaChain } from '../../src/protocol/relay.js'
import { siwsMessage } from '../../src/protocol/siws.js'

export type TestSolanaWallet = ReturnType<typeof solanaWallet>

export function solanaWallet() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url')
  const address = base58.encode(raw)
  const signBytes = (bytes: Uint8Array) => base58.encode(sign(null, bytes, privateKey))
  return {
    address,
    publicKey: new Uint8Array(raw),
    sign: (message: string) => signBytes(new TextEncoder().encode(message)),
    /** The SIWS text for `challenge` (fields overridable) and its signature by this key. */
    prove(
      challenge: ChallengeResponse,
      overrides: Partial<ChallengeResponse> & { address?: string; chain?: SolanaChain | string } = {},
    ) {
      const { address: signer = address, chain = 'mainnet', ...fields } = overrides
      const message = siwsMessage({ ...challenge, ...fields }, chain as SolanaChain, signer)
      return { message, signature: signBytes(new TextEncoder().encode(message)) }
    },
  }
}
