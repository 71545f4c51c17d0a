/**
 * Flow proofs prove an account, not a key. The relay checks the CAIP-122 text
 * field by field and for being exactly its own, reads the composite signatures
 * the wallet returned (`[{ addr, keyId, signature }]`, as JSON), asks the Access
 * Node for the account's keys (`/v1/accounts/{address}?expand=keys`, cached a few
 * seconds) and accepts only when every signature verifies with its key's own
 * curve (ECDSA P-256 or secp256k1, low s) and hash (SHA2-256 or SHA3-256) over
 * the user domain tag ‖ the text, no key is revoked or named twice, and the keys'
 * weights add up to the full weight, 1000. An account the node does not know is a
 * bad proof; a node that cannot answer is `dependency_unavailable`.
 */
import { p256 } from '@noble/curves/nist'
import { secp256k1 } from '@noble/curves/secp256k1'
import { sha256 } from '@noble/hashes/sha2'
import { sha3_256 } from '@noble/hashes/sha3'
import { hexToBytes, utf8ToBytes } from '@noble/hashes/utils'
import { z } from 'zod/mini'
import { RelayError } from '../../protocol/errors.js'
import { accountCache } from '../account-cache.js'
import type { ChainRpc, ServerChain } from '../server-face.js'
import { signInTextVerifier } from '../sign-in/verifier.js'
import { USER_DOMAIN_TAG, flow, flowAddress, flowChainId, type FlowSettings } from './spec.js'

const ACCOUNT = 'Flow'
const CACHE_MS = 10_000
/** The weight that authorises on its own: a transaction's, and FCL's rule for user signatures. */
export const FULL_WEIGHT = 1000

const HEX = /^(0x)?([0-9a-fA-F]*)$/
const hex = (value: string) => hexToBytes(HEX.exec(value)![2]!)

/** The composite signatures FCL's `signUserMessage` resolves with (fields FCL adds, `f_type`, `f_vsn`, pass). */
const CompositeSignatures = z
  .array(
    z.object({
      addr: z.string().check(z.maxLength(18)),
      keyId: z.union([z.number().check(z.int(), z.nonnegative()), z.string().check(z.regex(/^\d{1,9}$/))]),
      signature: z.string().check(z.regex(/^(0x)?[0-9a-fA-F]{128}$/)),
    }),
  )
  .check(z.minLength(1), z.maxLength(32))
type CompositeSignatures = z.infer<typeof CompositeSignatures>

/** An account key as the Access API's REST interface writes it (numbers as strings). */
const AccountKey = z.object({
  index: z.string(),
  public_key: z.string().check(z.regex(HEX), z.maxLength(256)),
  signing_algorithm: z.string(),
  hashing_algorithm: z.string(),
  weight: z.string(),
  revoked: z.boolean(),
})
type AccountKey = z.infer<typeof AccountKey>
const FlowAccount = z.object({ address: z.string(), keys: z.array(AccountKey).check(z.maxLength(1000)) })

const CURVES = { ECDSA_P256: p256, ECDSA_secp256k1: secp256k1 } as const
const HASHES = { SHA2_256: sha256, SHA3_256: sha3_256 } as const

const unavailable = (why: string) =>
  new RelayError('dependency_unavailable', { details: `rpc flow: ${why}`, transient: true, retryAfter: 1 })
const refused = (message: string) => new RelayError('signature_invalid', { message })

/**
 * Whether `signature` (r ‖ s, hex) is `key`'s over the user domain tag ‖ `message`,
 * with the key's own curve and hash. A key of another algorithm (BLS…) never signs
 * user messages. secp256k1 signatures must have a low s, as everywhere in the relay.
 */
export function flowKeySigned(
  key: Pick<AccountKey, 'public_key' | 'signing_algorithm' | 'hashing_algorithm'>,
  message: Uint8Array,
  signature: string,
): boolean {
  const curve = CURVES[key.signing_algorithm as keyof typeof CURVES]
  const hash = HASHES[key.hashing_algorithm as keyof typeof HASHES]
  if (!curve || !hash) return false
  try {
    const publicKey = hex(key.public_key)
    if (publicKey.length !== 64) return false
    const signed = new Uint8Array(USER_DOMAIN_TAG.length + message.length)
    signed.set(USER_DOMAIN_TAG)
    signed.set(message, USER_DOMAIN_TAG.length)
    const point = new Uint8Array(65)
    point[0] = 4
    point.set(publicKey, 1)
    return curve.verify(hex(signature), hash(signed), point, { prehash: false, lowS: curve === secp256k1, format: 'compact' })
  } catch {
    return false
  }
}

/** The composite signatures of a proof, or undefined when they are not FCL's shape. */
function signaturesOf(signature: string): CompositeSignatures | undefined {
  try {
    return CompositeSignatures.safeParse(JSON.parse(signature)).data
  } catch {
    return undefined
  }
}

/** The account's keys as the chain holds them, or undefined when the chain does not know the account. */
async function fetchKeys(rpc: ChainRpc, address: string, signal: AbortSignal | undefined): Promise<AccountKey[] | undefined> {
  const response = await rpc.fetch(`${rpc.url.replace(/\/$/, '')}/v1/accounts/${address.slice(2)}?expand=keys`, {
    headers: { accept: 'application/json' },
    signal,
  })
  if (response.status === 404) return undefined
  const account = FlowAccount.safeParse(await response.json().catch(() => undefined))
  if (!response.ok || !account.success || flowAddress(account.data.address) !== address)
    throw unavailable(`answered ${response.status} without the account`)
  return account.data.keys
}

export const flowServer: ServerChain<FlowSettings, 'flow_cadence'> = {
  spec: flow,
  canonicalAddress: flowAddress,

  verifier: ({ settings, now, rpc }) => {
    const cached = accountCache<AccountKey[] | undefined>(now, CACHE_MS)
    const keysOf = (address: string, signal: AbortSignal | undefined) =>
      cached(address, () => {
        const endpoint = rpc('flow')
        if (!endpoint) throw unavailable('no FLOW_ACCESS_NODE_URL')
        return fetchKeys(endpoint, address, signal)
      })
    return signInTextVerifier({
      account: ACCOUNT,
      addressKind: 'an account',
      chainId: flowChainId(settings.network),
      now,
      canonical: flowAddress,
      async checkSignature(message, signature, address, signal) {
        const signatures = signaturesOf(signature)
        if (!signatures)
          throw new RelayError('invalid_request', {
            message: 'The signature is not a JSON list of composite signatures ({ addr, keyId, signature }).',
          })
        if (signatures.some((composite) => flowAddress(composite.addr) !== address)) throw refused(`Every signature must be by ${address}.`)
        const keyIds = signatures.map((composite) => String(Number(composite.keyId)))
        if (new Set(keyIds).size !== keyIds.length) throw refused('A key signed more than once.')

        const keys = await keysOf(address, signal)
        if (!keys) throw refused(`The chain has no account ${address}.`)
        const bytes = utf8ToBytes(message)
        let weight = 0
        for (const [i, composite] of signatures.entries()) {
          const key = keys.find((candidate) => candidate.index === keyIds[i])
          if (!key) throw refused(`${address} has no key ${keyIds[i]}.`)
          if (key.revoked) throw refused(`Key ${key.index} of ${address} is revoked.`)
          if (!flowKeySigned(key, bytes, composite.signature)) throw new RelayError('signature_invalid')
          weight += Number(key.weight)
        }
        if (!(weight >= FULL_WEIGHT)) throw refused(`The keys that signed weigh ${weight} together; ${address} needs ${FULL_WEIGHT}.`)
      },
    })
  },

  // Snag cannot tell which keys an account holds: only a relay with an Access Node can (verifiedLocally).
  snagCheck: async () => false,
}
