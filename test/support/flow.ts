/**
 * Flow accounts for tests: ECDSA keys made by node:crypto (OpenSSL) on P-256 or
 * secp256k1, signing with SHA2-256 or SHA3-256 as a Flow wallet does (the user
 * domain tag ‖ the message, r ‖ s; secp256k1 normalised to low s), and accounts
 * registered on the chain stand-in with their keys and weights.
 */
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto'
import { caip122Message } from '../../src/chains/sign-in/caip122.js'
import { flowAccountKey, flowChainId } from '../../src/chains/flow_cadence/spec.js'
import type { ChallengeResponse } from '../../src/protocol/relay.js'
import { standIns } from './chain-standins.js'

export type FlowCurve = 'ECDSA_P256' | 'ECDSA_secp256k1'
export type FlowHash = 'SHA2_256' | 'SHA3_256'

const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n
const TAG = Buffer.concat([Buffer.from('FLOW-V0.0-user'), Buffer.alloc(32 - 14)])

/** One account key: its curve, hash, weight, and a way to sign user messages with it. */
export function flowKey(curve: FlowCurve = 'ECDSA_P256', hash: FlowHash = 'SHA3_256') {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: curve === 'ECDSA_P256' ? 'P-256' : 'secp256k1' })
  const jwk = publicKey.export({ format: 'jwk' })
  const publicHex = Buffer.concat([Buffer.from(jwk.x!, 'base64url'), Buffer.from(jwk.y!, 'base64url')]).toString('hex')
  return { curve, hash, publicHex, sign: (message: string) => signUser(privateKey, curve, hash, message) }
}
export type FlowTestKey = ReturnType<typeof flowKey>

function signUser(privateKey: KeyObject, curve: FlowCurve, hash: FlowHash, message: string): string {
  const data = Buffer.concat([TAG, Buffer.from(message, 'utf8')])
  const rs = sign(hash === 'SHA2_256' ? 'sha256' : 'sha3-256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' })
  if (curve === 'ECDSA_secp256k1') {
    const s = BigInt(`0x${rs.subarray(32).toString('hex')}`)
    if (s > SECP256K1_N / 2n) rs.set(Buffer.from((SECP256K1_N - s).toString(16).padStart(64, '0'), 'hex'), 32)
  }
  return rs.toString('hex')
}

/** A fresh account address: 0x and 16 hex digits. */
export const flowAccountAddress = () => `0x${randomBytes(8).toString('hex')}`

type Held = { key: FlowTestKey; weight?: number; revoked?: boolean }

/** An account holding `keys` (one P-256/SHA3 key of full weight by default), registered on the stand-in. */
export function flowWallet({ address = flowAccountAddress(), keys }: { address?: string; keys?: Held[] } = {}) {
  const held = keys ?? [{ key: flowKey() }]
  standIns.flow.set(
    address.slice(2),
    held.map(({ key, weight, revoked }, index) =>
      flowAccountKey(`0x${key.publicHex}`, { index, signing: key.curve, hashing: key.hash, weight, revoked }),
    ),
  )
  /** The composite signatures (JSON) of the keys at `indexes` over `message`. */
  const sign = (message: string, indexes: number[] = held.map((_, i) => i), signer?: FlowTestKey) =>
    JSON.stringify(
      indexes.map((keyId) => ({
        f_type: 'CompositeSignature',
        f_vsn: '1.0.0',
        addr: address,
        keyId,
        signature: (signer ?? held[keyId]!.key).sign(message),
      })),
    )
  return {
    address,
    sign,
    /** The relay's text for `challenge` (fields overridable), signed by every key of the account. */
    prove(challenge: ChallengeResponse, overrides: Partial<ChallengeResponse> & { chainId?: string; domain?: string } = {}) {
      const message = caip122Message('Flow', {
        ...challenge,
        ...overrides,
        address,
        chainId: overrides.chainId ?? flowChainId('mainnet'),
      } as never)
      return { message, signature: sign(message) }
    },
  }
}
