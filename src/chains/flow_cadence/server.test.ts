import { describe, expect, it } from 'vitest'
import { CHAIN_TEST_URL, FLOW_ACCESS_NODE_URL, standInFetch } from '../../../test/support/chain-standins.js'
import { flowAccountAddress, flowKey, flowWallet, type FlowCurve, type FlowHash } from '../../../test/support/flow.js'
import { errorOf, harness, type Harness } from '../../../test/support/harness.js'
import { flowKeySigned } from './server.js'

/** A relay with Flow on the Access API stand-in, counting what it asks the chain. */
function relay(env: Record<string, string> = {}, chain: (input: string, init?: RequestInit) => Promise<Response> = standInFetch) {
  const asked: string[] = []
  const h = harness({
    env: { CHAINS: 'evm,flow_cadence', FLOW_ACCESS_NODE_URL, ...env },
    rpcFetch: async (input, init) => {
      asked.push(String(input).slice(CHAIN_TEST_URL.length))
      return chain(String(input), init)
    },
  })
  return Object.assign(h, { asked })
}

const connects = (h: Harness) => h.emulator.calls.filter((call) => call.path === '/api/users/connect').length

type Wallet = ReturnType<typeof flowWallet>

/** Links `wallet`, its text signed by the keys at `indexes` (all by default) or as `sign` says. */
async function link(h: Harness, wallet: Wallet, sign?: (message: string) => string) {
  const challenge = await h.challenge({ walletType: 'flow_cadence', address: wallet.address })
  const { message, signature } = wallet.prove(challenge)
  return h.post('/v1/link', {
    walletType: 'flow_cadence',
    walletAddress: wallet.address,
    verificationData: { message, signature: sign?.(message) ?? signature },
  })
}

describe('POST /v1/link (flow_cadence)', () => {
  it('links an account whose full-weight key signed, asking the chain once for a while, telling Snag the relay checked it', async () => {
    const h = relay()
    const bodies = h.connectBodies()
    const wallet = flowWallet()
    expect((await link(h, wallet)).status).toBe(200)
    expect(h.asked).toEqual([`/flow/v1/accounts/${wallet.address.slice(2)}?expand=keys`])
    expect(bodies).toEqual([
      expect.objectContaining({
        walletType: 'flow_cadence',
        walletAddress: wallet.address,
        verificationData: expect.objectContaining({ verifiedLocally: true }),
      }),
    ])
    expect((await link(h, wallet)).status).toBe(200)
    expect(h.asked).toHaveLength(1)
  })

  it.each([
    ['ECDSA_P256', 'SHA2_256'],
    ['ECDSA_P256', 'SHA3_256'],
    ['ECDSA_secp256k1', 'SHA2_256'],
    ['ECDSA_secp256k1', 'SHA3_256'],
  ] as [FlowCurve, FlowHash][])('verifies a %s key hashing with %s, and not with the other hash', async (curve, hash) => {
    const h = relay()
    const key = flowKey(curve, hash)
    expect((await link(h, flowWallet({ keys: [{ key }] }))).status).toBe(200)
    // The chain's record says which hash the key signs with: a key recorded with the other refuses.
    const other = hash === 'SHA2_256' ? 'SHA3_256' : 'SHA2_256'
    const message = new TextEncoder().encode('hello')
    const signature = key.sign('hello')
    const record = { public_key: key.publicHex, signing_algorithm: curve, hashing_algorithm: hash }
    expect(flowKeySigned(record, message, signature)).toBe(true)
    expect(flowKeySigned({ ...record, hashing_algorithm: other }, message, signature)).toBe(false)
    expect(flowKeySigned({ ...record, signing_algorithm: 'BLS_BLS12_381' }, message, signature)).toBe(false)
  })

  it('adds up the weights of several keys, and refuses when those that signed weigh less than 1000', async () => {
    const h = relay()
    const keys = [
      { key: flowKey('ECDSA_P256', 'SHA3_256'), weight: 500 },
      { key: flowKey('ECDSA_secp256k1', 'SHA2_256'), weight: 500 },
      { key: flowKey('ECDSA_P256', 'SHA2_256'), weight: 1 },
    ]
    const wallet = flowWallet({ keys })
    const below = await link(h, wallet, (message) => wallet.sign(message, [0, 2]))
    expect(await errorOf(below)).toMatchObject({ code: 'signature_invalid', message: expect.stringContaining('weigh 501 together') })
    expect(connects(h)).toBe(0)
    expect((await link(h, wallet, (message) => wallet.sign(message, [0, 1]))).status).toBe(200)
  })

  it('refuses a revoked key, a key named twice, a key the account does not hold, and one bad signature among good ones', async () => {
    const h = relay()
    const revoked = flowWallet({ keys: [{ key: flowKey(), revoked: true }] })
    expect(await errorOf(await link(h, revoked))).toMatchObject({ code: 'signature_invalid', message: expect.stringContaining('revoked') })

    const half = flowWallet({ keys: [{ key: flowKey(), weight: 500 }] })
    const twice = await link(h, half, (message) => {
      const [one] = JSON.parse(half.sign(message)) as unknown[]
      return JSON.stringify([one, one])
    })
    expect(await errorOf(twice)).toMatchObject({ code: 'signature_invalid', message: 'A key signed more than once.' })

    const wallet = flowWallet({ keys: [{ key: flowKey(), weight: 1000 }, { key: flowKey() }] })
    const missing = await link(h, wallet, (message) =>
      JSON.stringify([{ addr: wallet.address, keyId: 7, signature: flowKey().sign(message) }]),
    )
    expect(await errorOf(missing)).toMatchObject({ code: 'signature_invalid', message: expect.stringContaining('has no key 7') })

    const oneBad = await link(h, wallet, (message) => {
      const [good, other] = JSON.parse(wallet.sign(message)) as { signature: string }[]
      return JSON.stringify([good, { ...other, signature: flowKey().sign(message) }])
    })
    expect(await errorOf(oneBad)).toMatchObject({ code: 'signature_invalid' })
    expect(connects(h)).toBe(0)
  })

  it('refuses signatures by another account, an account the chain does not know, and a malformed signature', async () => {
    const h = relay()
    const wallet = flowWallet()
    const other = flowWallet()
    const byOther = await link(h, wallet, (message) => other.sign(message))
    expect(await errorOf(byOther)).toMatchObject({ code: 'signature_invalid', message: `Every signature must be by ${wallet.address}.` })

    const ghost = flowAccountAddress()
    const key = flowKey()
    const { message } = await h.challenge({ walletType: 'flow_cadence', address: ghost })
    const unknown = await h.post('/v1/link', {
      walletType: 'flow_cadence',
      walletAddress: ghost,
      verificationData: { message, signature: JSON.stringify([{ addr: ghost, keyId: 0, signature: key.sign(message!) }]) },
    })
    expect(await errorOf(unknown)).toMatchObject({ code: 'signature_invalid', message: `The chain has no account ${ghost}.` })

    for (const signature of ['not json', '[]', JSON.stringify({ addr: wallet.address, keyId: 0, signature: 'ab' })]) {
      const response = await link(h, wallet, () => signature)
      expect(await errorOf(response)).toMatchObject({ code: 'invalid_request' })
    }
    expect(connects(h)).toBe(0)
  })

  it('refuses the high-s twin of a valid secp256k1 signature', async () => {
    const h = relay()
    const wallet = flowWallet({ keys: [{ key: flowKey('ECDSA_secp256k1', 'SHA3_256') }] })
    const n = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n
    const twin = await link(h, wallet, (message) => {
      const [composite] = JSON.parse(wallet.sign(message)) as { signature: string }[]
      const s = BigInt(`0x${composite!.signature.slice(64)}`)
      return JSON.stringify([{ ...composite, signature: composite!.signature.slice(0, 64) + (n - s).toString(16).padStart(64, '0') }])
    })
    expect(await errorOf(twin)).toMatchObject({ code: 'signature_invalid' })
  })

  it('answers 503 dependency_unavailable when the chain does not answer, or answers without the account', async () => {
    for (const chain of [
      async () => new Response('', { status: 502 }),
      async () => Response.json({ code: 400, message: 'bad' }, { status: 400 }),
      async () => {
        throw new TypeError('fetch failed')
      },
    ]) {
      const h = relay({}, chain)
      const response = await link(h, flowWallet())
      expect(response.status).toBe(503)
      expect(await errorOf(response)).toMatchObject({ code: 'dependency_unavailable' })
      expect(connects(h)).toBe(0)
    }
  })

  it('will not start without FLOW_ACCESS_NODE_URL, and names its network in the text', async () => {
    expect(() => harness({ env: { CHAINS: 'flow_cadence' } })).toThrow(/FLOW_ACCESS_NODE_URL is required/)
    const h = relay({ FLOW_NETWORK: 'testnet' })
    const wallet = flowWallet()
    const challenge = await h.challenge({ walletType: 'flow_cadence', address: wallet.address.toUpperCase().replace('0X', '') })
    expect(challenge.message).toContain(`\n${wallet.address}\n`)
    expect(challenge.message).toContain('Chain ID: flow:testnet')
  })
})
