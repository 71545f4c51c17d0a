/**
 * The proof checks of every chain whose wallets sign the relay's CAIP-122 text on
 * the one network the relay names (Sui, Substrate, Ultra, Flow): the text is
 * parsed, each field compared with the challenge, the whole text required to be
 * exactly the one the relay built, and only then is the chain's own signature
 * check asked. What differs between those chains is the signature (and, for
 * Ultra and Flow, the chain asked for the account's keys).
 */
import { RelayError } from '../../protocol/errors.js'
import type { SignedMessage } from '../bounded.js'
import type { ProofVerifier } from '../server-face.js'
import { caip122Message, parseCaip122 } from './caip122.js'
import { boundedSignInText, checkSignInFields } from './fields.js'

export type SignInTextOptions = {
  /** The chain's name in the text's header: "… wants you to sign in with your <account> account". */
  account: string
  /** What an address of the chain is, for error messages ("a Sui address"). */
  addressKind: string
  /** The CAIP-2 chain id the text names. */
  chainId: string
  now: () => number
  /** The address in the one form the relay compares, or undefined when it is not one of the chain's. */
  canonical(address: string): string | undefined
  /** The address as the text writes it and the link records it; the canonical form unless the chain shows another. */
  written?(canonical: string): string
  /** Throws the failing `RelayError` unless `signature` is `address`'s over `message` (the text, exactly as issued). */
  checkSignature(message: string, signature: string, address: string, signal: AbortSignal | undefined): Promise<void>
}

export function signInTextVerifier(o: SignInTextOptions): ProofVerifier {
  const written = (address: string) => (o.written ? o.written(address) : address)
  const text = (challenge: Parameters<NonNullable<ProofVerifier['message']>>[0], address: string) =>
    caip122Message(o.account, { ...challenge, address, chainId: o.chainId })
  const notText = (what = '') =>
    new RelayError('invalid_request', { message: `The message is not a Sign in with ${o.account} text${what}.` })
  return {
    challengeChainId(requested) {
      if (requested !== undefined)
        throw new RelayError('invalid_request', { message: `A ${o.account} challenge takes no chainId; the relay names its network.` })
      return undefined
    },

    message: (challenge) => text(challenge, written(challenge.address!)),

    nonceOf(proof) {
      const nonce = parseCaip122(o.account, boundedSignInText((proof as SignedMessage).message))?.nonce
      if (!nonce) throw notText()
      return nonce
    },

    async verify(proof, { challenge, walletAddress, signal }) {
      const { message, signature } = proof as SignedMessage
      const fields = parseCaip122(o.account, boundedSignInText(message))
      const canonical = o.canonical(walletAddress)
      if (!fields || !canonical) throw notText(` for ${o.addressKind}`)
      checkSignInFields(
        fields,
        { challenge, walletAddress, now: o.now() },
        {
          sameAddress: (a, b) => o.canonical(a) !== undefined && o.canonical(a) === o.canonical(b),
          chainAllowed: (chainId) => chainId === o.chainId,
        },
      )
      const address = written(canonical)
      if (message !== text(challenge, address))
        throw new RelayError('invalid_request', { message: 'The signed message is not the one the relay issued.' })
      await o.checkSignature(message, signature, address, signal)
      return { walletAddress: address }
    },
  }
}
