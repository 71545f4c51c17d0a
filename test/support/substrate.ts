/** Real Substrate keys for tests, from @polkadot/keyring: the signatures are what polkadot{.js} makes with signRaw. */
import { Keyring } from '@polkadot/keyring'
import { stringToU8a, u8aToHex, u8aWrapBytes } from '@polkadot/util'
import { cryptoWaitReady, randomAsU8a } from '@polkadot/util-crypto'
import { caip122Message } from '../../src/chains/sign-in/caip122.js'
import type { ChallengeResponse } from '../../src/protocol/relay.js'

await cryptoWaitReady()

export type SubstrateScheme = 'sr25519' | 'ed25519' | 'ecdsa'

/** polkadot: the CAIP-2 reference of Polkadot's genesis hash, as the relay names it by default. */
export const POLKADOT = 'polkadot:91b171bb158e2d3848fa23a9f1c25182'

export function substrateWallet(scheme: SubstrateScheme = 'sr25519', ss58Format = 0) {
  const pair = new Keyring({ type: scheme, ss58Format }).addFromSeed(randomAsU8a(32))
  const address = pair.address
  /** What signRaw returns for `message`: the pair's signature over `<Bytes>message</Bytes>`, 0x-hex. */
  const sign = (message: string) => u8aToHex(pair.sign(u8aWrapBytes(stringToU8a(message))))
  return {
    address,
    pair,
    sign,
    prove(challenge: ChallengeResponse, overrides: Partial<ChallengeResponse> & { address?: string; chainId?: string } = {}) {
      const { address: named = address, chainId = POLKADOT, ...fields } = overrides
      const message = caip122Message('Substrate', { ...challenge, ...fields, address: named, chainId })
      return { message, signature: sign(message) }
    },
  }
}
