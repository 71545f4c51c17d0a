import { MultiSigPublicKey } from '@mysten/sui/multisig'
import { toSerializedSignature, parseSerializedSignature } from '@mysten/sui/cryptography'
import { verifyPersonalMessageSignature } from '@mysten/sui/verify'
import { p256 } from '@noble/curves/p256'
import { describe, expect, it } from 'vitest'
import { errorOf, harness, type Harness } from '../../../test/support/harness.js'
import { suiWallet, type SuiScheme } from '../../../test/support/sui.js'

const connects = (h: Harness) => h.emulator.calls.filter((call) => call.path === '/api/users/connect').length

async function linkSui(
  h: Harness,
  wallet: ReturnType<typeof suiWallet>,
  signature?: (message: string, signed: string) => Promise<string> | string,
) {
  const challenge = await h.challenge({ walletType: 'sui', address: wallet.address })
  const proof = await wallet.prove(challenge)
  expect(challenge.message).toBe(proof.message)
  const body = {
    walletType: 'sui',
    walletAddress: wallet.address,
    verificationData: { ...proof, signature: (await signature?.(proof.message, proof.signature)) ?? proof.signature },
  }
  return h.post('/v1/link', body)
}

describe('POST /v1/link (sui)', () => {
  it.each<SuiScheme>(['ED25519', 'Secp256k1', 'Secp256r1'])(
    'links a %s key’s personal-message signature, telling Snag it verified it',
    async (scheme) => {
      const h = harness()
      const wallet = suiWallet(scheme)
      const response = await linkSui(h, wallet)
      expect(response.status).toBe(200)
      expect(h.emulator.state.snapshot().users).toEqual([expect.objectContaining({ walletType: 'sui', walletAddress: wallet.address })])
    },
  )

  it('refuses the high-s twin of a secp256r1 signature, which Mysten’s verifier alone accepts', async () => {
    const h = harness()
    const wallet = suiWallet('Secp256r1')
    const response = await linkSui(h, wallet, async (message, signed) => {
      const { signature, publicKey } = parseSerializedSignature(signed) as { signature: Uint8Array; publicKey: Uint8Array }
      const s = BigInt(`0x${Buffer.from(signature.subarray(32)).toString('hex')}`)
      const high = Buffer.from((p256.Point.CURVE().n - s).toString(16).padStart(64, '0'), 'hex')
      const twin = toSerializedSignature({
        signatureScheme: 'Secp256r1',
        signature: Buffer.concat([signature.subarray(0, 32), high]),
        publicKey: wallet.keypair.getPublicKey(),
      })
      expect(publicKey.length).toBe(33)
      await expect(
        verifyPersonalMessageSignature(new TextEncoder().encode(message), twin, { address: wallet.address }),
      ).resolves.toBeDefined()
      return twin
    })
    expect(await errorOf(response)).toMatchObject({ code: 'signature_invalid' })
    expect(connects(h)).toBe(0)
  })

  it('refuses a multisig signature it cannot check on its own as wallet_unsupported', async () => {
    const h = harness()
    const member = suiWallet()
    const multisig = MultiSigPublicKey.fromPublicKeys({
      threshold: 1,
      publicKeys: [{ publicKey: member.keypair.getPublicKey(), weight: 1 }],
    })
    const address = multisig.toSuiAddress()
    const challenge = await h.challenge({ walletType: 'sui', address })
    const signed = await member.sign(challenge.message!)
    const response = await h.post('/v1/link', {
      walletType: 'sui',
      walletAddress: address,
      verificationData: { message: challenge.message!, signature: multisig.combinePartialSignatures([signed]) },
    })
    expect(await errorOf(response)).toMatchObject({ code: 'wallet_unsupported' })
    expect(connects(h)).toBe(0)
  })

  it('refuses a text in another layout, or a Sui proof sent as another chain’s', async () => {
    const h = harness()
    const wallet = suiWallet()
    const challenge = await h.challenge({ walletType: 'sui', address: wallet.address })
    const message = challenge.message!.replace('Sui account', 'Sui wallet')
    const response = await h.post('/v1/link', {
      walletType: 'sui',
      walletAddress: wallet.address,
      verificationData: { message, signature: await wallet.sign(message) },
    })
    expect(await errorOf(response)).toMatchObject({ code: 'invalid_request' })
    const proof = await wallet.prove(challenge)
    expect(
      await errorOf(await h.post('/v1/link', { walletType: 'solana', walletAddress: wallet.address, verificationData: proof })),
    ).toMatchObject({
      code: 'invalid_request',
    })
    expect(connects(h)).toBe(0)
  })
})
