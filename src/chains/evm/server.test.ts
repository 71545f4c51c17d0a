import {
  getAddress,
  hexToBigInt,
  isAddress,
  numberToHex,
  parseSignature,
  serializeCompactSignature,
  signatureToCompactSignature,
  type Hex,
} from 'viem'
import { describe, expect, it } from 'vitest'
import { evmProofToMalleate, evmWallet } from '../../../test/support/evm.js'
import { errorOf, harness } from '../../../test/support/harness.js'
import { evmServer } from './server.js'

/** viem's EIP-2098 encoding of a 65-byte signature: r ‖ (yParity << 255 | s). */
const compact = (signature: string) => serializeCompactSignature(signatureToCompactSignature(parseSignature(signature as Hex)))

describe('EIP-2098 compact EVM signatures', () => {
  it('links a 64-byte compact signature and sends Snag its 65-byte form', async () => {
    const h = harness()
    const bodies = h.connectBodies()
    const other = evmWallet()
    const issued = await h.challenge({ walletType: 'evm', address: other.address, chainId: 1 })
    const proof = await other.prove(issued)
    const full = proof.signature
    const short = compact(full)
    expect(short).toHaveLength(2 + 128)
    const linked = await h.post('/v1/link', {
      walletType: 'evm',
      walletAddress: other.address,
      verificationData: { ...proof, signature: short },
    })
    expect(linked.status).toBe(200)
    expect(bodies).toEqual([expect.objectContaining({ verificationData: { message: proof.message, signature: full } })])
  })

  it('refuses a compact signature whose parity bit is flipped, or whose s is the high twin', async () => {
    const h = harness()
    const { wallet, proof, r, s, yParity, highS } = await evmProofToMalleate(h)
    const otherParity = (yParity ? 0n : 1n) << 255n
    const flipped = serializeCompactSignature({ r, yParityAndS: numberToHex(hexToBigInt(s) | otherParity, { size: 32 }) })
    const highTwin = serializeCompactSignature({ r, yParityAndS: numberToHex(hexToBigInt(highS) | otherParity, { size: 32 }) })
    for (const signature of [flipped, highTwin]) {
      const response = await h.post('/v1/link', {
        walletType: 'evm',
        walletAddress: wallet.address,
        verificationData: { ...proof, signature },
      })
      expect(await errorOf(response)).toMatchObject({ code: 'signature_invalid' })
    }
    expect(h.emulator.calls.filter((call) => call.path === '/api/users/connect')).toHaveLength(0)
    // Neither spent the challenge: the compact form of the original still links.
    const response = await h.post('/v1/link', {
      walletType: 'evm',
      walletAddress: wallet.address,
      verificationData: { ...proof, signature: compact(proof.signature) },
    })
    expect(response.status).toBe(200)
  })
})

describe('the dates of a SIWE message', () => {
  it('links a message stamped later than its challenge, as WalletConnect sign-in stamps it, and refuses one stamped earlier', async () => {
    const h = harness()
    const wallet = evmWallet()
    const issued = await h.challenge({ walletType: 'evm', address: wallet.address, chainId: 1 })
    h.clock.advance(20_000)
    const early = await wallet.prove(issued, { issuedAt: new Date(Date.parse(issued.issuedAt) - 1000).toISOString() })
    expect(
      await errorOf(await h.post('/v1/link', { walletType: 'evm', walletAddress: wallet.address, verificationData: early })),
    ).toMatchObject({
      code: 'invalid_request',
      message: 'The signed message has other dates than the challenge.',
    })
    const later = await wallet.prove(issued, { issuedAt: new Date(Date.parse(issued.issuedAt) + 15_000).toISOString() })
    expect(later.message).toContain(`Issued At: ${new Date(Date.parse(issued.issuedAt) + 15_000).toISOString()}`)
    expect((await h.post('/v1/link', { walletType: 'evm', walletAddress: wallet.address, verificationData: later })).status).toBe(200)
  })
})

describe('EVM addresses', () => {
  it('reads an address in any letter case as viem does, and nothing else', () => {
    const { address } = evmWallet()
    const body = address.slice(2)
    const inputs = [
      address,
      address.toLowerCase(),
      `0x${body.toUpperCase()}`,
      `0X${body}`,
      address.slice(0, -1),
      `${address}0`,
      `0x${body.slice(0, -1)}g`,
      ` ${address}`,
      body,
      '',
      // Other families' addresses, which the relay's and the emulator's lookups also try.
      '7EYnhQoR9YM3N7UoaKRoA44Uy8JeaZV3qyouov87awMs',
      'cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu',
      `0:${'a'.repeat(64)}`,
    ]
    const canonical = evmServer.canonicalAddress
    expect(inputs.map(canonical)).toEqual(inputs.map((input) => (isAddress(input, { strict: false }) ? getAddress(input) : undefined)))
    expect(inputs.map(canonical).filter(Boolean)).toEqual([address, address, address].map((a) => getAddress(a)))
  })
})
