/**
 * Ultra proofs prove an account, not a key. The relay checks the CAIP-122 text
 * field by field and for being exactly its own, recovers the public key from the
 * `SIG_K1_…` signature over the text's UTF-8 bytes with @wharfkit/antelope (a
 * malleated, high-s signature is refused), then asks the chain for the account
 * (`/v1/chain/get_account`) and accepts only if one of the allowed permissions
 * (ULTRA_PERMISSIONS) holds that key with a weight that meets its threshold on its
 * own. Account answers are cached for a few seconds; a chain that cannot answer is
 * `dependency_unavailable`, an account it does not know is a bad proof.
 */
import { z } from 'zod/mini'
import { RelayError } from '../../protocol/errors.js'
import { accountCache } from '../account-cache.js'
import { lazy } from '../lazy.js'
import type { ChainRpc, ServerChain } from '../server-face.js'
import { signInTextVerifier } from '../sign-in/verifier.js'
import { ultra, ultraChainId, type UltraSettings } from './spec.js'

const ACCOUNT = 'Ultra'
const NAME = /^[a-z1-5.]{1,12}$/
/** K1 recovery and @wharfkit/antelope, loaded with the first proof. */
const signatures = lazy(() => import('./signature.js'))
const CACHE_MS = 10_000

/** An account name; the Ultra Wallet calls it `blockchainid` and may add `@ultra`. */
const canonical = (address: string) => {
  const name = address.split('@')[0]!
  return NAME.test(name) && !name.endsWith('.') ? name : undefined
}

const Permission = z.object({
  perm_name: z.string(),
  required_auth: z.object({
    threshold: z.number(),
    keys: z.array(z.object({ key: z.string().check(z.maxLength(256)), weight: z.number() })).check(z.maxLength(64)),
  }),
})
const Account = z.object({ account_name: z.string(), permissions: z.array(Permission).check(z.maxLength(64)) })
type Account = z.infer<typeof Account>
const NodeError = z.object({ error: z.object({ details: z.array(z.object({ message: z.string() })) }) })

const unavailable = (why: string) =>
  new RelayError('dependency_unavailable', { details: `rpc ultra: ${why}`, transient: true, retryAfter: 1 })

/** The account as the chain holds it, or undefined when the chain does not know it. */
async function fetchAccount(rpc: ChainRpc, name: string, signal: AbortSignal | undefined): Promise<Account | undefined> {
  const response = await rpc.fetch(`${rpc.url.replace(/\/$/, '')}/v1/chain/get_account`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account_name: name }),
    signal,
    // A node answers an unknown account with a 500 that says so; any other 500 is a node failing.
    answers: [500],
  })
  const body = await response.json().catch(() => undefined)
  if (response.status === 500) {
    const details = NodeError.safeParse(body).data?.error.details
    if (details?.some((detail) => detail.message.startsWith('unknown key (eosio::chain::name)'))) return undefined
    throw unavailable('answered 500')
  }
  const account = Account.safeParse(body)
  if (!response.ok || !account.success || account.data.account_name !== name)
    throw unavailable(`answered ${response.status} without the account`)
  return account.data
}

export const ultraServer: ServerChain<UltraSettings, 'ultra'> = {
  spec: ultra,
  canonicalAddress: canonical,

  verifier: ({ settings, now, rpc }) => {
    const cached = accountCache<Account | undefined>(now, CACHE_MS)
    const account = (name: string, signal: AbortSignal | undefined) =>
      cached(name, () => {
        const endpoint = rpc('ultra')
        if (!endpoint) throw unavailable('no ULTRA_RPC_URL')
        return fetchAccount(endpoint, name, signal)
      })
    return signInTextVerifier({
      account: ACCOUNT,
      addressKind: 'an account',
      chainId: ultraChainId(settings.chainId),
      now,
      canonical,
      async checkSignature(message, signature, name, signal) {
        const { recoverUltraKey, sameKey } = await signatures()
        const key = recoverUltraKey(message, signature)
        if (!key) throw new RelayError('signature_invalid')
        const held = await account(name, signal)
        if (!held) throw new RelayError('signature_invalid', { message: `The chain has no account ${name}.` })
        const allowed = held.permissions.filter((permission) => settings.permissions.includes(permission.perm_name))
        const enough = allowed.some(({ required_auth: auth }) =>
          auth.keys.some((entry) => entry.weight >= auth.threshold && sameKey(entry.key, key)),
        )
        if (!enough)
          throw new RelayError('signature_invalid', {
            message: `The key that signed does not hold the ${settings.permissions.join(' or ')} permission of ${name} on its own.`,
          })
      },
    })
  },

  // Snag cannot tell which keys an account holds: only a relay with the chain's RPC can (verifiedLocally).
  snagCheck: async () => false,
}
