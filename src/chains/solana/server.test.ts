import { parseSignInMessageText } from '@solana/wallet-standard-util'
import { describe, expect, it } from 'vitest'
import { errorOf, harness, itRefuses } from '../../../test/support/harness.js'
import { solanaWallet } from '../../../test/support/solana.js'
import type { ChallengeResponse } from '../../protocol/relay.js'
import { siwsInput, siwsMessage } from './siws.js'

const challenge: ChallengeResponse = {
  nonce: '0123456789abcdef0123456789abcdef',
  domain: 'app.example',
  uri: 'https://app.example',
  statement: 'Link this wallet to your account.',
  version: '1',
  issuedAt: '2026-11-22T12:00:00.000Z',
  expiresAt: '2026-11-22T12:05:00.000Z',
}

describe('Sign-In With Solana text', () => {
  it('is the EIP-4361 layout for a Solana account, and parses back to the same fields', () => {
    const address = solanaWallet().address
    const text = siwsMessage(challenge, 'mainnet', address)
    expect(text).toBe(
      [
        'app.example wants you to sign in with your Solana account:',
        address,
        '',
        'Link this wallet to your account.',
        '',
        'URI: https://app.example',
        'Version: 1',
        'Chain ID: mainnet',
        'Nonce: 0123456789abcdef0123456789abcdef',
        'Issued At: 2026-11-22T12:00:00.000Z',
        'Expiration Time: 2026-11-22T12:05:00.000Z',
      ].join('\n'),
    )
    expect(parseSignInMessageText(text)).toMatchObject({ ...siwsInput(challenge, 'mainnet'), address })
  })
})

describe('POST /v1/link (solana)', () => {
  it('links a wallet proved by a real ed25519 signature and records it upstream', async () => {
    const h = harness()
    const wallet = solanaWallet()
    const { response } = await h.linkSolana(wallet)
    expect(response.status).toBe(200)
    const [user] = h.emulator.state.snapshot().users
    expect(user).toMatchObject({ walletType: 'solana', walletAddress: wallet.address })
    expect((await response.json()).wallet).toEqual({
      userId: user!.id,
      walletType: 'solana',
      walletAddress: wallet.address,
      linkedAt: user!.updatedAt,
    })
  })

  it('binds the challenge to the address when the wallet gave it first (signMessage path)', async () => {
    const h = harness()
    const wallet = solanaWallet()
    const issued = await h.challenge({ walletType: 'solana', address: wallet.address })
    const other = solanaWallet()
    const proof = other.prove(issued)
    const response = await h.post('/v1/link', { walletType: 'solana', walletAddress: other.address, verificationData: proof })
    expect(await errorOf(response)).toMatchObject({ code: 'address_mismatch' })
  })

  itRefuses([
    [
      'a malformed base58 address',
      async (h) => (await h.linkSolana(solanaWallet(), { request: { walletAddress: '0OIl-not-base58' } })).response,
      'invalid_request',
    ],
    [
      'a base58 address that is not 32 bytes',
      async (h) => {
        const short = 'abc'
        return (await h.linkSolana(solanaWallet(), { overrides: { address: short }, request: { walletAddress: short } })).response
      },
      'invalid_request',
    ],
    [
      'a signature over different bytes',
      async (h) => {
        const wallet = solanaWallet()
        return (await h.linkSolana(wallet, { signature: wallet.sign('something else') })).response
      },
      'signature_invalid',
    ],
    [
      'a signature that is not base58',
      async (h) => (await h.linkSolana(solanaWallet(), { signature: '0x00ff' })).response,
      'signature_invalid',
    ],
    [
      'a text outside the canonical layout (trailing newline)',
      async (h) => (await h.linkSolana(solanaWallet(), { message: (m) => `${m}\n` })).response,
      'invalid_request',
    ],
    [
      'a text with a field the relay did not issue',
      async (h) => (await h.linkSolana(solanaWallet(), { message: (m) => `${m}\nRequest ID: 42` })).response,
      'invalid_request',
    ],
    [
      'an EVM proof sent as Solana',
      async (h) =>
        (await h.linkSolana(solanaWallet(), { message: () => 'app.example wants you to sign in with your Ethereum account:\n0x0' }))
          .response,
      'invalid_request',
    ],
    ['a chainId on a Solana challenge', async (h) => h.post('/v1/challenge', { walletType: 'solana', chainId: 1 }), 'invalid_request'],
  ])

  it('is checked by the emulator too, which answers Snag’s signatue is not valid', async () => {
    const h = harness()
    const wallet = solanaWallet()
    const response = await h.snagConnect({
      walletType: 'solana',
      walletAddress: wallet.address,
      verificationData: { message: 'hello', signature: solanaWallet().sign('hello') },
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ message: 'signatue is not valid' })
  })
})
