/** Real Cosmos keys for tests, signing ADR-036 docs with CosmJS's own wallet, as Keplr's signArbitrary does. */
import { Secp256k1Wallet, encodeSecp256k1Pubkey, pubkeyToAddress, type StdSignature } from '@cosmjs/amino'
import { Random } from '@cosmjs/crypto'
import { secp256k1 } from '@noble/curves/secp256k1'
import { adr36SignDoc } from '../../src/chains/cosmos/adr36.js'
import { caip122Message } from '../../src/chains/sign-in/caip122.js'
import type { ChallengeResponse } from '../../src/protocol/relay.js'

export function cosmosWallet(prefix = 'cosmos') {
  const privateKey = Random.getBytes(32)
  // The address from the key at once (noble); CosmJS's wallet, made asynchronously, signs.
  const address = pubkeyToAddress(encodeSecp256k1Pubkey(secp256k1.getPublicKey(privateKey, true)), prefix)
  const wallet = Secp256k1Wallet.fromKey(privateKey, prefix)
  /** The StdSignature `signArbitrary` returns, for `signer`'s doc over `message`. */
  const sign = async (message: string, signer = address): Promise<StdSignature> =>
    (await (await wallet).signAmino(address, adr36SignDoc(signer, message))).signature
  return {
    address,
    sign,
    /** The relay's text for `challenge` (fields overridable), signed per ADR-036; the signature as the JSON text the wallet returns. */
    async prove(challenge: ChallengeResponse, overrides: Partial<ChallengeResponse> & { address?: string } = {}) {
      const { address: named = address, ...fields } = overrides
      const merged = { ...challenge, ...fields }
      const message = caip122Message('Cosmos', { ...merged, address: named, chainId: `cosmos:${String(merged.chainId)}` })
      return { message, signature: JSON.stringify(await sign(message)) }
    },
  }
}
