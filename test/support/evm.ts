/** Real secp256k1 keys for tests: every signature is made by a real key. */
import { secp256k1 } from '@noble/curves/secp256k1'
import { hexToBigInt, numberToHex, parseSignature, type Hex } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import type { ChallengeResponse } from '../../src/protocol/relay.js'
import { siweMessage } from '../../src/chains/evm/siwe.js'
import type { Harness } from './harness.js'

export type TestEvmWallet = ReturnType<typeof evmWallet>

export function evmWallet() {
  const account = privateKeyToAccount(generatePrivateKey())
  return {
    address: account.address,
    sign: (message: string) => account.signMessage({ message }),
    /** The SIWE message for `challenge` (with any field overridden) and its signature by this key. */
    async prove(challenge: ChallengeResponse, overrides: Partial<ChallengeResponse> & { address?: string } = {}) {
      const { address = account.address, ...fields } = overrides
      const message = siweMessage({ ...challenge, ...fields }, address)
      return { message, signature: await account.signMessage({ message }) }
    },
  }
}

/**
 * A fresh wallet's real proof for a challenge `h` issued, its signature's parts, and
 * `highS`: the high-s twin of its s (n − s), which with the other parity recovers the same
 * signer. What the malleation tests alter.
 */
export async function evmProofToMalleate(h: Pick<Harness, 'challenge'>) {
  const wallet = evmWallet()
  const issued = await h.challenge({ walletType: 'evm', address: wallet.address, chainId: 1 })
  const proof = await wallet.prove(issued)
  const { r, s, yParity } = parseSignature(proof.signature as Hex)
  const highS = numberToHex(secp256k1.Point.CURVE().n - hexToBigInt(s), { size: 32 })
  return { wallet, proof, r, s, yParity, highS }
}
