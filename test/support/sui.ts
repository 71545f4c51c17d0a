/** Real Sui keys for tests, from Mysten's own SDK: the signatures are what Sui wallets make. */
import { Ed25519Keypair } from '@mysten/sui/keypairs/ed25519'
import { Secp256k1Keypair } from '@mysten/sui/keypairs/secp256k1'
import { Secp256r1Keypair } from '@mysten/sui/keypairs/secp256r1'
import { caip122Message } from '../../src/chains/sign-in/caip122.js'
import type { ChallengeResponse } from '../../src/protocol/relay.js'

export type SuiScheme = 'ED25519' | 'Secp256k1' | 'Secp256r1'

const KEYPAIRS = { ED25519: Ed25519Keypair, Secp256k1: Secp256k1Keypair, Secp256r1: Secp256r1Keypair }

export function suiWallet(scheme: SuiScheme = 'ED25519') {
  const keypair = new KEYPAIRS[scheme]()
  const address = keypair.toSuiAddress()
  const sign = async (message: string) => (await keypair.signPersonalMessage(new TextEncoder().encode(message))).signature
  return {
    address,
    keypair,
    sign,
    /** The relay's text for `challenge` (fields overridable), signed as a personal message. */
    async prove(challenge: ChallengeResponse, overrides: Partial<ChallengeResponse> & { network?: string; address?: string } = {}) {
      const { network = 'mainnet', address: named = address, ...fields } = overrides
      const message = caip122Message('Sui', { ...challenge, ...fields, address: named, chainId: `sui:${network}` })
      return { message, signature: await sign(message) }
    },
  }
}
