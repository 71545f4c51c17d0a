import { describe, expect, it } from 'vitest'
import { serializeSignature, verifyMessage } from 'viem'
import { SMALL_ORDER_POINTS, smallOrderSigner } from '../support/ed25519.js'
import { evmProofToMalleate, evmWallet } from '../support/evm.js'
import { OTHER_ORIGIN, errorOf, harness, type Harness } from '../support/harness.js'
import { solanaWallet } from '../support/solana.js'
import { tonWallet } from '../support/ton.js'

const connects = (h: Harness) => h.emulator.calls.filter((call) => call.path === '/api/users/connect').length

/**
 * Links a proof from `prove` once OpenSSL alone accepts the forgery: R + [k]A is the
 * identity only for some challenges, so a few are asked for. The relay must refuse it.
 */
async function forgedLink(h: Harness, signer: ReturnType<typeof smallOrderSigner>, link: (h: Harness) => Promise<{ response: Response }>) {
  for (let attempt = 0; attempt < 64; attempt++) {
    const { response } = await link(h)
    if (signer.forged) return response
  }
  throw new Error('no challenge gave a forgery OpenSSL accepts')
}

describe('ed25519 keys and R values of small order (finding 3)', () => {
  it('has the 8 small-order points to try, the System Program address among them', () => {
    expect(new Set(SMALL_ORDER_POINTS.map((p) => p.toString('hex'))).size).toBe(8)
    expect(solanaWallet(smallOrderSigner(Buffer.alloc(32))).address).toBe('11111111111111111111111111111111')
  })

  for (const point of SMALL_ORDER_POINTS) {
    const hex = point.toString('hex')

    it(`refuses a Solana signature made with no key, which OpenSSL alone accepts, for the small-order address ${hex.slice(0, 8)}…${hex.slice(-2)}`, async () => {
      const h = harness()
      const signer = smallOrderSigner(point)
      const response = await forgedLink(h, signer, (h) => h.linkSolana(solanaWallet(signer)))
      expect(await errorOf(response)).toMatchObject({ code: 'signature_invalid' })
      expect(connects(h)).toBe(0)
    })

    it(`refuses a ton_proof made with no key, which OpenSSL alone accepts, for a wallet whose state init holds ${hex.slice(0, 8)}…${hex.slice(-2)}`, async () => {
      const h = harness()
      const signer = smallOrderSigner(point)
      const response = await forgedLink(h, signer, (h) => h.linkTon(tonWallet('v4r2', signer)))
      expect(await errorOf(response)).toMatchObject({ code: 'signature_invalid' })
      expect(connects(h)).toBe(0)
    })
  }
})

describe('malleated secp256k1 signatures', () => {
  it('refuses the high-s twin of a valid EVM signature, which viem alone accepts', async () => {
    const h = harness()
    const { wallet, proof, r, yParity, highS } = await evmProofToMalleate(h)
    const twin = serializeSignature({ r, s: highS, yParity: yParity === 0 ? 1 : 0 })
    expect(await verifyMessage({ address: wallet.address, message: proof.message, signature: twin })).toBe(true)

    const response = await h.post('/v1/link', {
      walletType: 'evm',
      walletAddress: wallet.address,
      verificationData: { ...proof, signature: twin },
    })
    expect(await errorOf(response)).toMatchObject({ code: 'signature_invalid' })
    expect(connects(h)).toBe(0)
    // The low-s original still links: the challenge was not spent by the refusal.
    const original = await h.post('/v1/link', { walletType: 'evm', walletAddress: wallet.address, verificationData: proof })
    expect(original.status).toBe(200)
  })
})

describe('a TON proof bound to another allowed host (finding 8)', () => {
  it('refuses a ton_proof naming another allowed origin’s host than its challenge’s', async () => {
    const h = harness()
    const { response } = await h.linkTon(tonWallet(), { overrides: { domain: new URL(OTHER_ORIGIN).host } })
    expect(await errorOf(response)).toMatchObject({ code: 'domain_mismatch' })
    expect(connects(h)).toBe(0)
  })
})

describe('texts built to make the parser slow (finding 12)', () => {
  it('refuses a Sign-In With Solana text of thousands of lines before parsing it', async () => {
    const h = harness()
    const issued = await h.challenge({ walletType: 'solana' })
    const message = `${issued.domain} wants you to sign in with your Solana account:\n${solanaWallet().address}\n${'\n'.repeat(3900)}x`
    const response = await h.post('/v1/link', {
      walletType: 'solana',
      walletAddress: solanaWallet().address,
      verificationData: { message, signature: '1' },
    })
    expect(await errorOf(response)).toMatchObject({
      code: 'invalid_request',
      message: 'The signed message has more lines than any the relay issues.',
    })
  })

  it('refuses an EVM text of thousands of lines before parsing it', async () => {
    const h = harness()
    const response = await h.post('/v1/link', {
      walletType: 'evm',
      walletAddress: evmWallet().address,
      verificationData: { message: 'a\n'.repeat(1000), signature: '0x00' },
    })
    expect(await errorOf(response)).toMatchObject({
      code: 'invalid_request',
      message: 'The signed message has more lines than any the relay issues.',
    })
  })
})
