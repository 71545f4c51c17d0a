import { PrivateKey } from '@wharfkit/antelope'
import { secp256k1 } from '@noble/curves/secp256k1'
import { Signature } from '@wharfkit/antelope'
import { describe, expect, it } from 'vitest'
import { errorOf, harness, type Harness } from '../../../test/support/harness.js'
import { CHAIN_TEST_URL, standInFetch, ULTRA_RPC_URL } from '../../../test/support/chain-standins.js'
import { accountName, ultraWallet } from '../../../test/support/ultra.js'

/** A relay with Ultra on the chain stand-in, counting what it asks the chain. */
function relay(env: Record<string, string> = {}, chain: (input: string, init?: RequestInit) => Promise<Response> = standInFetch) {
  const asked: string[] = []
  const h = harness({
    env: { CHAINS: 'evm,ultra', ULTRA_RPC_URL, ...env },
    rpcFetch: async (input, init) => {
      asked.push(String(input).slice(CHAIN_TEST_URL.length))
      return chain(String(input), init)
    },
  })
  return Object.assign(h, { asked })
}

const connects = (h: Harness) => h.emulator.calls.filter((call) => call.path === '/api/users/connect').length

async function link(h: Harness, wallet: ReturnType<typeof ultraWallet>, sign?: (message: string) => string) {
  const challenge = await h.challenge({ walletType: 'ultra', address: wallet.address })
  const proof = wallet.prove(challenge)
  return h.post('/v1/link', {
    walletType: 'ultra',
    walletAddress: wallet.address,
    verificationData: { message: proof.message, signature: sign?.(proof.message) ?? proof.signature },
  })
}

describe('POST /v1/link (ultra)', () => {
  it('links an account whose active key signed, asking the chain once for a while, telling Snag the relay checked it', async () => {
    const h = relay()
    const bodies = h.connectBodies()
    const wallet = ultraWallet()
    expect((await link(h, wallet)).status).toBe(200)
    expect(h.asked).toEqual(['/antelope/v1/chain/get_account'])
    expect(bodies).toEqual([
      expect.objectContaining({
        walletType: 'ultra',
        walletAddress: wallet.address,
        verificationData: expect.objectContaining({ verifiedLocally: true }),
      }),
    ])
    // The account's keys are cached briefly: proving the same account again (a sign-in) asks the chain nothing.
    expect((await link(h, wallet)).status).toBe(200)
    expect(h.asked).toHaveLength(1)
  })

  it('refuses a key that holds the permission with less weight than its threshold', async () => {
    const h = relay()
    const key = PrivateKey.generate('K1')
    const other = PrivateKey.generate('K1')
    const wallet = ultraWallet({
      permissions: [
        {
          name: 'active',
          threshold: 2,
          keys: [
            { key, weight: 1 },
            { key: other, weight: 1 },
          ],
        },
      ],
    })
    const response = await link(h, wallet, (message) => wallet.sign(message, key))
    expect(await errorOf(response)).toMatchObject({ code: 'signature_invalid', message: expect.stringContaining('on its own') })
    expect(connects(h)).toBe(0)
  })

  it('refuses the owner key when ULTRA_PERMISSIONS allows only active', async () => {
    const h = relay({ ULTRA_PERMISSIONS: 'active' })
    const owner = PrivateKey.generate('K1')
    const active = PrivateKey.generate('K1')
    const wallet = ultraWallet({
      permissions: [
        { name: 'owner', threshold: 1, keys: [{ key: owner, weight: 1 }] },
        { name: 'active', threshold: 1, keys: [{ key: active, weight: 1 }] },
      ],
    })
    expect(await errorOf(await link(h, wallet, (message) => wallet.sign(message, owner)))).toMatchObject({ code: 'signature_invalid' })
    expect((await link(h, wallet, (message) => wallet.sign(message, active))).status).toBe(200)
  })

  it('refuses an account the chain does not know, and the high-s twin of a valid signature', async () => {
    const h = relay()
    const ghost = ultraWallet()
    const named = { ...ghost, address: accountName(), prove: ghost.prove }
    const challenge = await h.challenge({ walletType: 'ultra', address: named.address })
    const text = challenge.message!
    const unknown = await h.post('/v1/link', {
      walletType: 'ultra',
      walletAddress: named.address,
      verificationData: { message: text, signature: ghost.sign(text) },
    })
    expect(await errorOf(unknown)).toMatchObject({ code: 'signature_invalid', message: `The chain has no account ${named.address}.` })

    const wallet = ultraWallet()
    const twin = await link(h, wallet, (message) => {
      const data = Signature.from(wallet.sign(message)).data.array.slice()
      const s = data.subarray(33).reduce((n, byte) => (n << 8n) | BigInt(byte), 0n)
      const high = (secp256k1.Point.CURVE().n - s).toString(16).padStart(64, '0')
      data.set(Buffer.from(high, 'hex'), 33)
      data[0] = data[0]! ^ 1
      return String(Signature.from({ type: 'K1', r: data.subarray(1, 33), s: data.subarray(33), recid: data[0]! - 31 } as never))
    })
    expect(await errorOf(twin)).toMatchObject({ code: 'signature_invalid' })
    expect(connects(h)).toBe(0)
  })

  it('answers 503 dependency_unavailable when the chain does not answer, and does not take a failing node for an unknown account', async () => {
    for (const chain of [
      async () => new Response('', { status: 502 }),
      async () =>
        Response.json(
          {
            code: 500,
            message: 'Internal Service Error',
            error: { code: 3, name: 'x', what: 'db', details: [{ message: 'database busy' }] },
          },
          { status: 500 },
        ),
      async () => {
        throw new TypeError('fetch failed')
      },
    ]) {
      const h = relay({}, chain)
      const response = await link(h, ultraWallet())
      expect(response.status).toBe(503)
      expect(await errorOf(response)).toMatchObject({ code: 'dependency_unavailable' })
    }
  })

  it('will not start without ULTRA_RPC_URL', () => {
    expect(() => harness({ env: { CHAINS: 'ultra' } })).toThrow(/ULTRA_RPC_URL is required/)
  })
})
