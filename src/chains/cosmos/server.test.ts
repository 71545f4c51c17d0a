import { secp256k1 } from '@noble/curves/secp256k1'
import { describe, expect, it } from 'vitest'
import { cosmosWallet } from '../../../test/support/cosmos.js'
import { errorOf, harness, type Harness } from '../../../test/support/harness.js'
import { suiWallet } from '../../../test/support/sui.js'

const connects = (h: Harness) => h.emulator.calls.filter((call) => call.path === '/api/users/connect').length

async function linkCosmos(
  h: Harness,
  wallet = cosmosWallet(),
  alter: (signature: { pub_key: { type: string; value: string }; signature: string }) => unknown = (s) => s,
) {
  const challenge = await h.challenge({ walletType: 'cosmos', address: wallet.address, chainId: 'cosmoshub-4' })
  const proof = await wallet.prove(challenge)
  expect(challenge.message).toBe(proof.message)
  const signature = JSON.stringify(alter(JSON.parse(proof.signature)))
  return h.post('/v1/link', {
    walletType: 'cosmos',
    walletAddress: wallet.address,
    verificationData: { message: proof.message, signature },
  })
}

describe('POST /v1/link (cosmos)', () => {
  it('links an ADR-036 signature made by CosmJS, as Keplr’s signArbitrary makes it', async () => {
    const h = harness()
    const wallet = cosmosWallet()
    expect((await linkCosmos(h, wallet)).status).toBe(200)
    expect(h.emulator.state.snapshot().users).toEqual([expect.objectContaining({ walletType: 'cosmos', walletAddress: wallet.address })])
  })

  it('links an address of another allowed prefix, and refuses one the relay does not allow', async () => {
    const allowed = harness({ env: { COSMOS_CHAIN_IDS: 'cosmoshub-4,osmosis-1', COSMOS_BECH32_PREFIXES: 'cosmos,osmo' } })
    expect((await linkCosmos(allowed, cosmosWallet('osmo'))).status).toBe(200)
    const h = harness()
    expect(await errorOf(await linkCosmos(h, cosmosWallet('osmo')))).toMatchObject({ code: 'chain_not_allowed' })
    expect(connects(h)).toBe(0)
  })

  it('refuses a key type it cannot verify (Ethermint’s eth_secp256k1) as wallet_unsupported', async () => {
    const h = harness()
    expect(
      await errorOf(await linkCosmos(h, undefined, (s) => ({ ...s, pub_key: { ...s.pub_key, type: 'ethermint/PubKeyEthSecp256k1' } }))),
    ).toMatchObject({
      code: 'wallet_unsupported',
    })
    expect(connects(h)).toBe(0)
  })

  it('refuses the high-s twin of a valid signature', async () => {
    const h = harness()
    const response = await linkCosmos(h, undefined, (s) => {
      const bytes = Buffer.from(s.signature, 'base64')
      const high = secp256k1.Point.CURVE().n - BigInt(`0x${bytes.subarray(32).toString('hex')}`)
      return {
        ...s,
        signature: Buffer.concat([bytes.subarray(0, 32), Buffer.from(high.toString(16).padStart(64, '0'), 'hex')]).toString('base64'),
      }
    })
    expect(await errorOf(response)).toMatchObject({ code: 'signature_invalid' })
    expect(connects(h)).toBe(0)
  })

  it('refuses a signature that is not a StdSignature, and a Sui proof sent as a Cosmos link', async () => {
    const h = harness()
    const wallet = cosmosWallet()
    const challenge = await h.challenge({ walletType: 'cosmos', address: wallet.address, chainId: 'cosmoshub-4' })
    const notJson = await h.post('/v1/link', {
      walletType: 'cosmos',
      walletAddress: wallet.address,
      verificationData: { message: challenge.message!, signature: 'nope' },
    })
    expect(await errorOf(notJson)).toMatchObject({ code: 'invalid_request' })
    const sui = suiWallet()
    const suiChallenge = await h.challenge({ walletType: 'sui', address: sui.address })
    const sent = await h.post('/v1/link', {
      walletType: 'cosmos',
      walletAddress: sui.address,
      verificationData: await sui.prove(suiChallenge),
    })
    expect(await errorOf(sent)).toMatchObject({ code: 'invalid_request' })
    expect(connects(h)).toBe(0)
  })

  it('binds the challenge to a chain id the relay allows', async () => {
    const h = harness()
    const wallet = cosmosWallet()
    expect(
      await errorOf(await h.post('/v1/challenge', { walletType: 'cosmos', address: wallet.address, chainId: 'osmosis-1' })),
    ).toMatchObject({ code: 'chain_not_allowed' })
    expect((await h.challenge({ walletType: 'cosmos', address: wallet.address })).chainId).toBe('cosmoshub-4')
  })
})
