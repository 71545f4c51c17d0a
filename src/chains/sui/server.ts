/**
 * Sui proofs: the relay's CAIP-122 text, checked field by field and then for
 * being exactly the text the relay built, signed with `sui:signPersonalMessage`.
 * The signature is verified with Mysten's own `@mysten/sui/verify` (personal
 * message intent, blake2b, the key's scheme), which also derives the address from
 * the key; an ed25519 key's curve check is the crypto port's (signature.ts).
 * Ed25519, secp256k1 and secp256r1 keys link; an ed25519 key or R of small order,
 * or an ECDSA s in the upper half, is refused; zkLogin, passkey and multisig
 * signatures need the chain to verify and are `wallet_unsupported`.
 */
import { isValidSuiAddress, normalizeSuiAddress } from '@mysten/sui/utils'
import { RelayError } from '../../protocol/errors.js'
import { lazy } from '../lazy.js'
import type { ServerChain } from '../server-face.js'
import { signInTextVerifier } from '../sign-in/verifier.js'
import { sui, suiChainId, type SuiSettings } from './spec.js'

const ACCOUNT = 'Sui'
/** The signature checks and Mysten's verification libraries, loaded with the first proof. */
const signatures = lazy(() => import('./signature.js'))

const canonical = (address: string) => {
  const normalized = normalizeSuiAddress(address)
  return /^0x[0-9a-fA-F]{1,64}$/.test(address) && isValidSuiAddress(normalized) ? normalized : undefined
}

export const suiServer: ServerChain<SuiSettings, 'sui'> = {
  spec: sui,
  canonicalAddress: canonical,

  verifier: ({ settings, crypto, now }) =>
    signInTextVerifier({
      account: ACCOUNT,
      addressKind: 'a Sui address',
      chainId: suiChainId(settings.network),
      now,
      canonical,
      async checkSignature(message, signature, address) {
        const { strictParts, signedBy } = await signatures()
        strictParts(signature)
        if (!(await signedBy(crypto, address, message, signature))) throw new RelayError('signature_invalid')
      },
    }),

  snagCheck: async (walletAddress, data, crypto) =>
    data.message !== undefined &&
    data.signature !== undefined &&
    (await signatures()).signedBy(crypto, walletAddress, data.message, data.signature),
}
