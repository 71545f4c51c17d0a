/**
 * EVM proofs: an EIP-4361 (SIWE) message signed with `personal_sign`.
 *
 * viem's `validateSiweMessage` answers only true/false and checks neither the
 * chain id nor the age of `issuedAt`, so the fields are checked one by one (to
 * give each refusal its own code) and the message must then be exactly the one
 * the relay would have built from its challenge. Signatures from externally
 * owned accounts are recovered locally; no RPC is needed. A signature whose s is
 * in the upper half of the curve order is the malleated twin of a valid one
 * (EIP-2): refused, never normalised. An EIP-2098 compact signature (64 bytes:
 * r ‖ yParity·2^255 + s) is the same signature in fewer bytes: expanded to the
 * 65-byte form, checked like one and sent to Snag so.
 *
 * A signature that does not recover to the claimed address may be a smart-contract
 * wallet's: when the message's chain has an RPC endpoint, the account is asked
 * (ERC-1271, or ERC-6492 before it is deployed; see contract-signature.ts). No
 * RPC call is made for a signature that recovers. Snag is told the relay checked
 * a contract's signature (`verifiedLocally`): it cannot recover one offline.
 *
 * The same verifier serves every EVM-family chain (evm, agw, imx): `siweServer`.
 *
 * Addresses and the nonce of a signed message are read with ox's Address and Siwe
 * modules; viem, which writes the message and checks the signature, loads with
 * the chain's first challenge or proof (signature.ts).
 */
import * as Address from 'ox/Address'
import * as Siwe from 'ox/Siwe'
import type { Hex } from 'viem'
import { RelayError } from '../../protocol/errors.js'
import type { ChainSpec } from '../spec.js'
import type { ServerChain } from '../server-face.js'
import { boundedSignInText, checkSignInFields, type SignInFields } from '../sign-in/fields.js'
import { lazy } from '../lazy.js'
import { evm, type EvmPublic, type EvmSettings } from './spec.js'
import type { SignedMessage } from '../bounded.js'

const signatures = lazy(() => import('./signature.js'))

const HEX = /^0x[0-9a-fA-F]+$/
const ADDRESS_SHAPE = /^0x[0-9a-fA-F]{40}$/

/**
 * An address in any letter case. The shape is tested first: ox reports a bad
 * address by throwing, and another chain's address (the emulator's and the
 * relay's lookups try every family) would pay for an exception each time.
 */
const isAddress = (address: string) => ADDRESS_SHAPE.test(address) && Address.validate(address, { strict: false })

function sameAddress(a: string, b: string): boolean {
  return isAddress(a) && isAddress(b) && a.toLowerCase() === b.toLowerCase()
}

const iso = (date: Date | undefined) => (date === undefined ? undefined : Number.isNaN(date.getTime()) ? '' : date.toISOString())

const signed = (proof: unknown) => {
  const { message, signature } = proof as SignedMessage
  return { message: boundedSignInText(message), signature }
}

/** The server face of an EVM-family chain: SIWE checked field by field, then the signer (a key, or a contract on the chain). */
export function siweServer<Id extends string>(spec: ChainSpec<Id, EvmSettings, EvmPublic, SignedMessage>): ServerChain<EvmSettings, Id> {
  return {
    spec,

    canonicalAddress: (address) => (isAddress(address) ? Address.checksum(address) : undefined),

    verifier: ({ settings, now, rpc }) => ({
      challengeChainId(requested) {
        const chainId = requested ?? settings.chainIds[0]
        if (typeof chainId !== 'number' || !settings.chainIds.includes(chainId))
          throw new RelayError('chain_not_allowed', { details: `${spec.id} chain ${String(chainId)}` })
        return chainId
      },

      message: async (challenge) => (await signatures()).siweMessage(challenge, challenge.address!),

      nonceOf(proof) {
        const nonce = Siwe.parseMessage(signed(proof).message).nonce
        if (!nonce) throw new RelayError('invalid_request', { message: 'The message is not a SIWE message with a nonce.' })
        return nonce
      },

      async verify(proof, { challenge, walletAddress: claimed, signal }) {
        const { message, signature } = signed(proof)
        const { parseSiweMessage, siweMessage, isValidEvmSignature, expandedSignature, isHighS, isErc6492Signature, contractSignature } =
          await signatures()
        const parsed = parseSiweMessage(message)
        const fields: SignInFields = {
          ...parsed,
          issuedAt: iso(parsed.issuedAt),
          expirationTime: iso(parsed.expirationTime),
          notBefore: iso(parsed.notBefore),
          requestId: parsed.requestId,
          resources: parsed.resources,
        }
        checkSignInFields(
          fields,
          { challenge, walletAddress: claimed, now: now() },
          { sameAddress, chainAllowed: (chainId) => typeof chainId === 'number' && settings.chainIds.includes(chainId) },
        )
        const walletAddress = Address.checksum(claimed)
        if (message !== siweMessage({ ...challenge, issuedAt: fields.issuedAt ?? challenge.issuedAt }, walletAddress))
          throw new RelayError('invalid_request', { message: 'The signed message is not the one the relay issued.' })
        if (await isValidEvmSignature(walletAddress, message, signature))
          return { walletAddress, proof: { message, signature: expandedSignature(signature) } }

        // Not the address's key: perhaps a contract's signature, which only the chain can check.
        if (!HEX.test(signature) || isHighS(expandedSignature(signature) as Hex)) throw new RelayError('signature_invalid')
        const reference = String(parsed.chainId)
        const endpoint = rpc(reference)
        if (!endpoint) {
          if (isErc6492Signature(signature as Hex))
            throw new RelayError('wallet_unsupported', {
              message: `This smart-contract wallet cannot be checked: the relay has no RPC endpoint for chain ${reference}.`,
            })
          throw new RelayError('signature_invalid')
        }
        const how = await contractSignature(endpoint, reference, { address: walletAddress, message, signature: signature as Hex, signal })
        if (!how) throw new RelayError('signature_invalid')
        return { walletAddress, proof: { message, signature }, verifiedLocally: true }
      },
    }),

    async snagCheck(walletAddress, data) {
      if (data.message === undefined || data.signature === undefined) return false
      return (await signatures()).isValidEvmSignature(walletAddress, data.message, data.signature)
    },
  }
}

export const evmServer = siweServer(evm)
