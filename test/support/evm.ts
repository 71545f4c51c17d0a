/** Real secp256k1 keys for tests: every signature is made by a real key. */
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import type { ChallengeResponse } from '../../src/protocol/relay.js'
import { siweMessage } from '../../src/chains/evm/siwe.js'

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
