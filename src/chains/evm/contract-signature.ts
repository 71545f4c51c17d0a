/**
 * Signatures of smart-contract wallets (Safe, Coinbase Smart Wallet, Ambire, AGW,
 * Immutable Passport…), checked by asking the chain: ERC-1271 `isValidSignature`
 * on a deployed account, and for one not deployed yet the ERC-6492 wrapper
 * (viem's universal validator, run as a deployless `eth_call`: the factory call
 * is simulated, then the account asked). On a deployed account a 6492 wrapper is
 * unwrapped and its factory call never run: nothing but the account decides.
 *
 * The chain's answer decides only when it answered: an endpoint that is down,
 * slow or answers with anything but a result or a revert throws
 * `dependency_unavailable`, never "invalid signature".
 */
import {
  createPublicClient,
  custom,
  encodeFunctionData,
  hashMessage,
  isErc6492Signature,
  parseErc6492Signature,
  type Address,
  type Hex,
} from 'viem'
import { verifyHash } from 'viem/actions'
import { RelayError } from '../../protocol/errors.js'
import type { ChainRpc } from '../server-face.js'

const ERC1271_MAGIC = '0x1626ba7e'
const erc1271 = [
  {
    name: 'isValidSignature',
    type: 'function',
    stateMutability: 'view',
    inputs: [
      { name: 'hash', type: 'bytes32' },
      { name: 'signature', type: 'bytes' },
    ],
    outputs: [{ name: '', type: 'bytes4' }],
  },
] as const

/** How the account proved itself: by its deployed code, or counterfactually. */
export type ContractProof = 'erc1271' | 'erc6492'

type RpcAnswer = { result?: unknown; error?: { code?: unknown; message?: unknown; data?: unknown } }

/** A JSON-RPC error that is the call's own answer (a revert), as opposed to the node failing. */
const isRevert = (error: NonNullable<RpcAnswer['error']>) =>
  error.code === 3 || (typeof error.message === 'string' && /revert/i.test(error.message))

/** A client whose every request goes through `rpc`, remembering the first failure that was not the chain's answer. */
function chainClient(rpc: ChainRpc, reference: string, signal: AbortSignal | undefined) {
  const state: { failure?: RelayError } = {}
  const unavailable = (why: string) =>
    new RelayError('dependency_unavailable', { details: `rpc ${reference}: ${why}`, transient: true, retryAfter: 1 })
  let id = 0
  const client = createPublicClient({
    transport: custom(
      {
        async request({ method, params }: { method: string; params?: unknown }) {
          let answer: RpcAnswer
          try {
            const response = await rpc.fetch(rpc.url, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params: params ?? [] }),
              signal,
            })
            if (!response.ok) throw unavailable(`answered ${response.status}`)
            answer = (await response.json()) as RpcAnswer
          } catch (error) {
            state.failure ??= error instanceof RelayError ? error : unavailable('answered something other than JSON-RPC')
            throw state.failure
          }
          if (answer.error) {
            if (!isRevert(answer.error)) {
              state.failure ??= unavailable(`error ${String(answer.error.code)}`)
              throw state.failure
            }
            throw Object.assign(new Error(String(answer.error.message)), { code: 3, data: answer.error.data })
          }
          if (!('result' in answer)) {
            state.failure ??= unavailable('answered without a result')
            throw state.failure
          }
          return answer.result
        },
      },
      { retryCount: 0 },
    ),
  })
  return { client, state }
}

/**
 * Does the account at `address` accept `signature` for `message` (EIP-191 hashed)?
 * Returns how it did, or undefined when it does not. Throws `dependency_unavailable`
 * when the chain could not say.
 */
export async function contractSignature(
  rpc: ChainRpc,
  reference: string,
  { address, message, signature, signal }: { address: Address; message: string; signature: Hex; signal?: AbortSignal | undefined },
): Promise<ContractProof | undefined> {
  const { client, state } = chainClient(rpc, reference, signal)
  const hash = hashMessage(message)
  const settle = <T>(promise: Promise<T>, fallback: T) =>
    promise.catch((error: unknown) => {
      if (state.failure) throw state.failure
      if (signal?.aborted) throw error
      return fallback
    })

  const code = await settle(client.getCode({ address }), undefined)
  if (state.failure) throw state.failure
  const deployed = code !== undefined && code !== '0x'

  if (deployed) {
    const inner = isErc6492Signature(signature) ? parseErc6492Signature(signature).signature : signature
    const data = encodeFunctionData({ abi: erc1271, functionName: 'isValidSignature', args: [hash, inner] })
    const answer = await settle(client.call({ to: address, data }), { data: undefined })
    return answer.data?.slice(0, 10).toLowerCase() === ERC1271_MAGIC ? 'erc1271' : undefined
  }
  if (!isErc6492Signature(signature)) return undefined
  // viem's validator also tries plain ECDSA recovery when the call fails; the relay did that first, offline.
  const valid = await settle(verifyHash(client, { address, hash, signature }), false)
  if (state.failure) throw state.failure
  return valid ? 'erc6492' : undefined
}
