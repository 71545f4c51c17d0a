/**
 * Substrate proofs: the relay's CAIP-122 text, checked field by field and then
 * for being exactly the text the relay built (the address in the network's SS58
 * format, whatever prefix the wallet gave), signed over `<Bytes>` + text +
 * `</Bytes>` — that exact text: `signatureVerify`'s guess between wrapped and
 * bare text is not used. `@polkadot/util-crypto` verifies sr25519, ed25519 and
 * ecdsa keys (the signature bare, or with its MultiSignature type byte); an
 * ed25519 key or R of small order, or an ecdsa s in the upper half, is refused.
 * Those libraries load with the first Substrate proof (signature.ts); addresses
 * are read and written before it by ss58.ts.
 */
import { RelayError } from '../../protocol/errors.js'
import { lazy } from '../lazy.js'
import type { ServerChain } from '../server-face.js'
import { signInTextVerifier } from '../sign-in/verifier.js'
import { substrate, type SubstrateSettings } from './spec.js'
import { decodeAccount, encodeAccount } from './ss58.js'

const signatures = lazy(() => import('./signature.js'))

const ACCOUNT = 'Substrate'
/** The SS58 format the relay keys addresses by, whatever the network (the generic Substrate prefix). */
const GENERIC = 42

const canonical = (address: string) => {
  const key = decodeAccount(address)
  return key && encodeAccount(key, GENERIC)
}

/** Does `signature` (0x-hex) sign exactly `<Bytes>message</Bytes>` by the address's key, strictly? Never throws. */
async function signedBy(address: string, message: string, signature: string): Promise<boolean> {
  const key = decodeAccount(address)
  if (!key || !/^0x(?:[0-9a-fA-F]{128}|[0-9a-fA-F]{130}|[0-9a-fA-F]{132})$/.test(signature)) return false
  return (await signatures()).signsWrapped(key, message, signature)
}

export const substrateServer: ServerChain<SubstrateSettings, 'substrate'> = {
  spec: substrate,
  canonicalAddress: canonical,

  verifier: ({ settings, now }) =>
    signInTextVerifier({
      account: ACCOUNT,
      addressKind: 'an SS58 address',
      chainId: settings.chainId,
      now,
      canonical,
      // The text writes the address in the network's SS58 form, whatever prefix the wallet gave.
      written: (address) => encodeAccount(decodeAccount(address)!, settings.ss58),
      async checkSignature(message, signature, address) {
        if (!(await signedBy(address, message, signature))) throw new RelayError('signature_invalid')
      },
    }),

  snagCheck: async (walletAddress, data) =>
    data.message !== undefined && data.signature !== undefined && signedBy(walletAddress, data.message, data.signature),
}
