/** Ultra accounts for tests: K1 keys made by @wharfkit/antelope, accounts registered on the chain stand-in. */
import { Bytes, PrivateKey } from '@wharfkit/antelope'
import type { ChallengeResponse } from '../../src/protocol/relay.js'
import { caip122Message } from '../../src/chains/sign-in/caip122.js'
import { ultraChainId } from '../../src/chains/ultra/spec.js'
import { standIns } from './chain-standins.js'

export const ULTRA_MAINNET = 'a9c481dfbc7d9506dc7e87e9a137c931b0a9303f64fd7a1d08b8230133920097'
const BASE32 = 'abcdefghijklmnopqrstuvwxyz12345'

/** A fresh account name: 12 characters of a–z and 1–5. */
export const accountName = () => Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => BASE32[byte % 31]).join('')

type Permission = { name: string; threshold: number; keys: { key: PrivateKey; weight: number }[] }

/** An account whose `active` and `owner` permissions each hold one key of weight 1 (or the permissions given). */
export function ultraWallet({ name = accountName(), permissions }: { name?: string; permissions?: Permission[] } = {}) {
  const key = PrivateKey.generate('K1')
  const perms = permissions ?? [
    { name: 'owner', threshold: 1, keys: [{ key, weight: 1 }] },
    { name: 'active', threshold: 1, keys: [{ key, weight: 1 }] },
  ]
  standIns.antelope.set(
    name,
    perms.map((p) => ({
      perm_name: p.name,
      parent: p.name === 'owner' ? '' : 'owner',
      required_auth: {
        threshold: p.threshold,
        keys: p.keys.map(({ key, weight }) => ({ key: key.toPublic().toLegacyString(), weight })),
        accounts: [],
        waits: [],
      },
    })),
  )
  const sign = (message: string, signer: PrivateKey = key) => String(signer.signMessage(Bytes.from(message, 'utf8')))
  return {
    address: name,
    key,
    sign,
    /** The relay's text for `challenge` (fields overridable), signed by this account's key. */
    prove(challenge: ChallengeResponse, overrides: Partial<ChallengeResponse> & { chainId?: string; domain?: string } = {}) {
      const message = caip122Message('Ultra', {
        ...challenge,
        ...overrides,
        address: name,
        chainId: overrides.chainId ?? ultraChainId(ULTRA_MAINNET),
      } as never)
      return { message, signature: sign(message) }
    },
  }
}
