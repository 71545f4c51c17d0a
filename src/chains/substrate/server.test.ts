import { encodeAddress } from '@polkadot/util-crypto'
import { describe, expect, it } from 'vitest'
import { errorOf, harness, type Harness } from '../../../test/support/harness.js'
import { smallOrderSigner } from '../../../test/support/ed25519.js'
import { substrateWallet, type SubstrateScheme } from '../../../test/support/substrate.js'

const connects = (h: Harness) => h.emulator.calls.filter((call) => call.path === '/api/users/connect').length

async function linkSubstrate(h: Harness, wallet: ReturnType<typeof substrateWallet>, walletAddress = wallet.address) {
  const challenge = await h.challenge({ walletType: 'substrate', address: walletAddress })
  const proof = wallet.prove(challenge)
  expect(challenge.message).toBe(proof.message)
  return h.post('/v1/link', { walletType: 'substrate', walletAddress, verificationData: proof })
}

describe('POST /v1/link (substrate)', () => {
  it.each<SubstrateScheme>(['sr25519', 'ed25519', 'ecdsa'])('links a %s key’s signRaw signature', async (scheme) => {
    const h = harness()
    const wallet = substrateWallet(scheme)
    expect((await linkSubstrate(h, wallet)).status).toBe(200)
    expect(h.emulator.state.snapshot().users).toEqual([expect.objectContaining({ walletType: 'substrate', walletAddress: wallet.address })])
  })

  it('accepts an address in any SS58 format and links it in the network’s', async () => {
    const h = harness()
    const generic = substrateWallet('sr25519', 42)
    const polkadot = substrateWallet('sr25519', 0)
    expect(generic.address).not.toBe(polkadot.address)
    // The same key, named in the generic format: the relay's text (and Snag) use Polkadot's.
    const response = await h.post('/v1/challenge', { walletType: 'substrate', address: generic.address })
    const challenge = (await response.json()) as { message: string }
    const inPolkadotFormat = encodeAddress(generic.pair.publicKey, 0)
    expect(challenge.message.split('\n')[1]).toBe(inPolkadotFormat)
    const proof = { message: challenge.message, signature: generic.sign(challenge.message) }
    expect((await h.post('/v1/link', { walletType: 'substrate', walletAddress: generic.address, verificationData: proof })).status).toBe(
      200,
    )
    expect(h.emulator.state.snapshot().users[0]!.walletAddress).toBe(inPolkadotFormat)
  })

  it('refuses an ed25519 account of small order, whatever OpenSSL would say', async () => {
    const h = harness()
    const forged = smallOrderSigner(Buffer.alloc(32))
    const address = encodeAddress(forged.publicKey, 0)
    const challenge = await h.challenge({ walletType: 'substrate', address })
    const signature = `0x${forged.sign(new TextEncoder().encode(`<Bytes>${challenge.message}</Bytes>`)).toString('hex')}`
    const response = await h.post('/v1/link', {
      walletType: 'substrate',
      walletAddress: address,
      verificationData: { message: challenge.message!, signature },
    })
    expect(await errorOf(response)).toMatchObject({ code: 'signature_invalid' })
    expect(connects(h)).toBe(0)
  })

  it('refuses a signature over the bare text (without <Bytes>), and one that is not hex', async () => {
    const h = harness()
    const wallet = substrateWallet()
    const challenge = await h.challenge({ walletType: 'substrate', address: wallet.address })
    const { u8aToHex, stringToU8a } = await import('@polkadot/util')
    const bare = u8aToHex(wallet.pair.sign(stringToU8a(challenge.message!)))
    for (const signature of [bare, 'not-hex'])
      expect(
        await errorOf(
          await h.post('/v1/link', {
            walletType: 'substrate',
            walletAddress: wallet.address,
            verificationData: { message: challenge.message!, signature },
          }),
        ),
      ).toMatchObject({ code: 'signature_invalid' })
    expect(connects(h)).toBe(0)
  })
})
