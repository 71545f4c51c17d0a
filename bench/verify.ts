/**
 * `npm run bench:verify`: operations per second of each chain's verifier and of
 * the library alternatives beside it, measured in one run on this machine.
 */
import { secp256k1 } from '@noble/curves/secp256k1'
import { ed25519 } from '@noble/curves/ed25519'
import { base58 } from '@scure/base'
import nacl from 'tweetnacl'
import { Bench } from 'tinybench'
import { hashMessage, recoverMessageAddress, type Hex } from 'viem'
import { isValidEvmSignature } from '../src/chains/evm/signature.js'
import { isValidSolanaSignature } from '../src/chains/solana/server.js'
import { isValidTonProofSignature, readTonAccount } from '../src/chains/ton/proof.js'
import { nodeCrypto } from '../src/crypto/node.js'
import { verifyEd25519, webCrypto } from '../src/crypto/port.js'
import { cosmosServer } from '../src/chains/cosmos/server.js'
import { substrateServer } from '../src/chains/substrate/server.js'
import { suiServer } from '../src/chains/sui/server.js'
import { cosmosWallet } from '../test/support/cosmos.js'
import { evmWallet } from '../test/support/evm.js'
import { substrateWallet } from '../test/support/substrate.js'
import { suiWallet } from '../test/support/sui.js'
import { flowKey, type FlowTestKey } from '../test/support/flow.js'
import { ultraWallet } from '../test/support/ultra.js'
import { recoverUltraKey } from '../src/chains/ultra/signature.js'
import { flowKeySigned } from '../src/chains/flow_cadence/server.js'
import { solanaWallet } from '../test/support/solana.js'
import { tonWallet } from '../test/support/ton.js'
import { contractSignature } from '../src/chains/evm/contract-signature.js'
import { createRpc } from '../src/relay/rpc.js'
import { startAnvil } from '../test/support/anvil.js'
import { deploySafe } from '../test/support/safe.js'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { report } from './report.js'

const message =
  'app.example wants you to sign in with your Ethereum account:\n…a message of typical length for a SIWE sign-in, about four hundred bytes long…'.padEnd(
    420,
    '.',
  )
const evm = evmWallet()
const evmSignature = await evm.sign(message)
const digest = hashMessage(message)
const sol = solanaWallet()
const solSignature = sol.sign(message)
const solBytes = new TextEncoder().encode(message)
const solSigBytes = base58.decode(solSignature)
const ton = tonWallet('v4r2')
const tonProof = ton.prove({
  nonce: '0123456789abcdef0123456789abcdef',
  domain: 'app.example',
  uri: 'https://app.example',
  statement: '',
  version: '1',
  issuedAt: new Date().toISOString(),
  expiresAt: new Date(Date.now() + 300_000).toISOString(),
})
const tonFacts = readTonAccount(tonProof)

// Sui, Cosmos and Substrate: each chain's own signature check (what its verifier does after the text checks).
const sui = suiWallet()
const suiProof = { message, signature: await sui.sign(message) }
const cosmos = cosmosWallet()
const cosmosProof = { message, signature: JSON.stringify(await cosmos.sign(message)) }
const substrate = substrateWallet()
const substrateProof = { message, signature: substrate.sign(message) }
const ultra = ultraWallet()
const ultraSignature = ultra.sign(message)
const messageBytes = new TextEncoder().encode(message)
const flowRecord = (key: FlowTestKey) => ({ public_key: key.publicHex, signing_algorithm: key.curve, hashing_algorithm: key.hash })
const p256Key = flowKey('ECDSA_P256', 'SHA3_256')
const p256Signature = p256Key.sign(message)
const flowP256 = { record: flowRecord(p256Key) }
const k1Key = flowKey('ECDSA_secp256k1', 'SHA2_256')
const flowK1 = { record: flowRecord(k1Key) }
const flowK1Signature = k1Key.sign(message)
const checks = [
  ['sui: relay (Mysten digest + node:crypto ed25519)', () => suiServer.snagCheck(sui.address, suiProof, nodeCrypto)],
  ['cosmos: relay (CosmJS ADR-036, secp256k1)', () => cosmosServer.snagCheck(cosmos.address, cosmosProof, nodeCrypto)],
  ['substrate: relay (@polkadot/util-crypto, sr25519)', () => substrateServer.snagCheck(substrate.address, substrateProof, nodeCrypto)],
  // Ultra and Flow: the signature check alone (the account's keys come from the chain, cached 10 s per account).
  [
    'ultra: relay (@wharfkit/antelope K1 recovery + key compare)',
    async () => recoverUltraKey(message, ultraSignature)?.equals(ultra.key.toPublic()) === true,
  ],
  ['flow: relay (@noble/curves P-256, SHA3-256)', async () => flowKeySigned(flowP256.record, messageBytes, p256Signature)],
  ['flow: relay (@noble/curves secp256k1, SHA2-256)', async () => flowKeySigned(flowK1.record, messageBytes, flowK1Signature)],
] as const
for (const [name, check] of checks) if (!(await check())) throw new Error(`${name}: the proof does not verify`)

// Smart-contract wallets: Safe 1.4.1 on a local anvil, asked over HTTP as the relay asks its RPC.
const anvil = await startAnvil(1)
const safes = await deploySafe(anvil)
const deployedSafe = await safes.account(privateKeyToAccount(generatePrivateKey()))
await deployedSafe.deploy()
const counterfactualSafe = await safes.account(privateKeyToAccount(generatePrivateKey()))
const rpc = createRpc({ urls: { '1': anvil.url }, timeoutMs: 3000 })('1')!
const contractChecks = [
  ['evm: ERC-1271, deployed Safe on anvil (eth_getCode + eth_call)', deployedSafe, await deployedSafe.sign(message), 'erc1271'],
  [
    'evm: ERC-6492, counterfactual Safe on anvil (eth_getCode + deployless eth_call)',
    counterfactualSafe,
    await counterfactualSafe.sign6492(message),
    'erc6492',
  ],
] as const
for (const [name, account, signature, expected] of contractChecks)
  if ((await contractSignature(rpc, '1', { address: account.address, message, signature })) !== expected)
    throw new Error(`${name}: the signature does not verify`)

const bench = new Bench({ time: 1500, warmupTime: 300 })
for (const [name, account, signature, expected] of contractChecks)
  bench.add(name, async () => {
    if ((await contractSignature(rpc, '1', { address: account.address, message, signature })) !== expected) throw new Error('invalid')
  })
for (const [name, check] of checks)
  bench.add(name, async () => {
    if (!(await check())) throw new Error('invalid')
  })
bench
  .add('evm: relay (viem verifyMessage, recover + compare)', async () => {
    if (!(await isValidEvmSignature(evm.address, message, evmSignature))) throw new Error('invalid')
  })
  .add('evm: viem recoverMessageAddress', async () => {
    await recoverMessageAddress({ message, signature: evmSignature as Hex })
  })
  .add('evm: @noble/curves secp256k1 recoverPublicKey', () => {
    const bytes = Uint8Array.from(Buffer.from(evmSignature.slice(2), 'hex'))
    const signature = secp256k1.Signature.fromCompact(bytes.slice(0, 64)).addRecoveryBit(bytes[64]! - 27)
    signature.recoverPublicKey(digest.slice(2))
  })
  .add('solana: relay (node:crypto ed25519 + base58)', async () => {
    if (!(await isValidSolanaSignature(nodeCrypto, sol.address, message, solSignature))) throw new Error('invalid')
  })
  .add('solana: strict checks + node:crypto ed25519 verify', async () => {
    await verifyEd25519(nodeCrypto, sol.publicKey, solBytes, solSigBytes)
  })
  .add('solana: strict checks + Web Crypto ed25519 verify', async () => {
    await verifyEd25519(webCrypto, sol.publicKey, solBytes, solSigBytes)
  })
  .add('solana: @noble/curves ed25519 verify', () => {
    ed25519.verify(solSigBytes, solBytes, sol.publicKey)
  })
  .add('solana: tweetnacl verify', () => {
    nacl.sign.detached.verify(solBytes, solSigBytes, sol.publicKey)
  })
  .add('ton: relay (state init → key → address, then signature)', async () => {
    const facts = readTonAccount(tonProof)
    if (!(await isValidTonProofSignature(nodeCrypto, tonProof, facts))) throw new Error('invalid')
  })
  .add('ton: signature only (node:crypto)', async () => {
    await isValidTonProofSignature(nodeCrypto, tonProof, tonFacts)
  })

await bench.run()
await anvil.stop()
await report(
  'verify',
  bench.tasks.map((task) => {
    const result = task.result as unknown as { throughput: { mean: number }; latency: { mean: number; p99: number } }
    return {
      verifier: task.name,
      'ops/s': Math.round(result.throughput.mean),
      'mean µs': Math.round(result.latency.mean * 1000 * 10) / 10,
      'p99 µs': Math.round(result.latency.p99 * 1000 * 10) / 10,
    }
  }),
)
