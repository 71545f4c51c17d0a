/**
 * Safe smart accounts on a local anvil, from Safe 1.4.1's own build artifacts
 * (`@safe-global/safe-contracts`): the singleton, the proxy factory and the
 * compatibility fallback handler (which answers ERC-1271 `isValidSignature`).
 *
 * An owner signs a message for the Safe as Safe's wallets do: EIP-712 typed data
 * `SafeMessage { bytes message }` over the EIP-191 hash of the text, in the Safe's
 * domain (chain id and its address). Before the Safe is deployed the signature is
 * wrapped per ERC-6492 with the factory call that would deploy it.
 */
import { createRequire } from 'node:module'
import {
  encodeFunctionData,
  hashMessage,
  serializeErc6492Signature,
  zeroAddress,
  type Abi,
  type Address,
  type Hex,
  type LocalAccount,
} from 'viem'
import type { Anvil } from './anvil.js'

type Artifact = { abi: Abi; bytecode: Hex }
const require = createRequire(import.meta.url)
const artifact = (path: string) => require(`@safe-global/safe-contracts/build/artifacts/contracts/${path}`) as Artifact

const SAFE = artifact('Safe.sol/Safe.json')
const FACTORY = artifact('proxies/SafeProxyFactory.sol/SafeProxyFactory.json')
const HANDLER = artifact('handler/CompatibilityFallbackHandler.sol/CompatibilityFallbackHandler.json')

export type SafeDeployment = Awaited<ReturnType<typeof deploySafe>>

/** Deploys Safe 1.4.1's singleton, proxy factory and fallback handler on `anvil`. */
export async function deploySafe(anvil: Anvil) {
  const deployer = await anvil.funded()
  async function deploy({ abi, bytecode }: Artifact): Promise<Address> {
    const hash = await deployer.deployContract({ abi, bytecode, account: deployer.account, chain: anvil.chain })
    const receipt = await anvil.client.waitForTransactionReceipt({ hash, pollingInterval: 50 })
    if (!receipt.contractAddress) throw new Error('deployment made no contract')
    return receipt.contractAddress
  }
  const singleton = await deploy(SAFE)
  const factory = await deploy(FACTORY)
  const handler = await deploy(HANDLER)

  let salt = 0n
  /** A 1-of-1 Safe owned by `owner`, not deployed until `deploy()`. */
  async function account(owner: LocalAccount) {
    const initializer = encodeFunctionData({
      abi: SAFE.abi,
      functionName: 'setup',
      args: [[owner.address], 1n, zeroAddress, '0x', handler, zeroAddress, 0n, zeroAddress],
    })
    const args = [singleton, initializer, ++salt] as const
    const factoryData = encodeFunctionData({ abi: FACTORY.abi, functionName: 'createProxyWithNonce', args })
    const { result } = await anvil.client.simulateContract({
      address: factory,
      abi: FACTORY.abi,
      functionName: 'createProxyWithNonce',
      args,
      account: deployer.account,
    })
    const address = result as Address

    /** The owner's signature of `message` for this Safe (65 bytes; Safe's `checkSignatures` accepts it for a 1-of-1). */
    const signFor = (signer: LocalAccount, message: string) =>
      signer.signTypedData!({
        domain: { chainId: anvil.chainId, verifyingContract: address },
        types: { SafeMessage: [{ name: 'message', type: 'bytes' }] },
        primaryType: 'SafeMessage',
        message: { message: hashMessage(message) },
      })

    return {
      address,
      owner,
      async deploy() {
        const hash = await deployer.writeContract({
          address: factory,
          abi: FACTORY.abi,
          functionName: 'createProxyWithNonce',
          args,
          account: deployer.account,
          chain: anvil.chain,
        })
        await anvil.client.waitForTransactionReceipt({ hash, pollingInterval: 50 })
      },
      async deployed() {
        const code = await anvil.client.getCode({ address })
        return code !== undefined && code !== '0x'
      },
      /** What the Safe's wallet returns for `personal_sign`: `signer`'s (the owner by default) Safe signature. */
      sign: (message: string, signer: LocalAccount = owner) => signFor(signer, message),
      /** The same, wrapped per ERC-6492 with the factory call that deploys this Safe. */
      async sign6492(message: string, signer: LocalAccount = owner) {
        return serializeErc6492Signature({ address: factory, data: factoryData, signature: await signFor(signer, message) })
      },
    }
  }
  return { singleton, factory, handler, account }
}
