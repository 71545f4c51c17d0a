import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { harness, itRefuses } from '../../../test/support/harness.js'
import { TON_WALLET_VERSIONS, type TonWalletVersion, tonWallet } from '../../../test/support/ton.js'
import { RelayError } from '../../protocol/errors.js'
import type { TonChain, TonVerification } from '../../protocol/snag.js'
import { nodeCrypto } from '../../crypto/node.js'
import type { ChallengeRecord } from '../server-face.js'
import { tonServer } from './server.js'
import { tonProofMessage } from './ton-proof.js'

type Vector = {
  wallet: string
  chain: TonChain
  address: string
  publicKey?: string
  stateInit: string
  timestamp: number
  domain: string
  lengthBytes: number
  payload: string
  signature: string
}

const vectors = JSON.parse(readFileSync(new URL('../../../test/vectors/ton-proof-real-wallets.json', import.meta.url), 'utf8')) as Vector[]

describe('ton_proof message bytes', () => {
  it('lay out prefix, workchain, address hash, domain length and domain, timestamp and payload', () => {
    const bytes = tonProofMessage({
      workchain: -1,
      addressHash: new Uint8Array(32).fill(0x11),
      domain: 'a.b',
      timestamp: 1_700_000_000,
      payload: 'xy',
    })
    expect(Buffer.from(bytes).toString('hex')).toBe(
      '746f6e2d70726f6f662d6974656d2d76322f' + // "ton-proof-item-v2/"
        'ffffffff' + // workchain -1, int32 big-endian
        '11'.repeat(32) + // address hash
        '03000000' + // domain length, uint32 little-endian
        '612e62' + // "a.b"
        '00f1536500000000' + // timestamp 1700000000 = 0x6553f100, uint64 little-endian
        '7879', // "xy"
    )
  })
})

/** A challenge record as the relay would have stored it for a vector's payload. */
function recordFor(v: Vector, ttlSeconds = 300): ChallengeRecord {
  return {
    nonce: v.payload,
    walletType: 'ton',
    origin: `https://${v.domain}`,
    domain: v.domain,
    uri: `https://${v.domain}`,
    statement: '',
    version: '1',
    issuedAt: new Date((v.timestamp - 10) * 1000).toISOString(),
    expiresAt: new Date((v.timestamp - 10 + ttlSeconds) * 1000).toISOString(),
  }
}

function verificationFor(v: Vector): TonVerification {
  const publicKey = v.publicKey ?? ''
  return {
    proof: {
      timestamp: v.timestamp,
      domain: { lengthBytes: v.lengthBytes, value: v.domain },
      payload: v.payload,
      signature: v.signature,
      state_init: v.stateInit,
    },
    account: { address: v.address, chain: v.chain, publicKey, walletStateInit: v.stateInit },
  }
}

function verifyVector(v: Vector, now: number, publicKey?: string) {
  const verification = verificationFor(v)
  if (publicKey) verification.account.publicKey = publicKey
  const verifier = tonServer.verifier({
    settings: { network: v.chain, app: { name: 'test' } },
    crypto: nodeCrypto,
    now: () => now,
    rpc: () => undefined,
  })
  return verifier.verify({ tonVerification: verification }, { challenge: recordFor(v), walletAddress: v.address })
}

describe('ton_proof answers signed by real wallets', () => {
  for (const v of vectors) {
    it(`accepts ${v.wallet} on ${v.chain === '-239' ? 'mainnet' : 'testnet'} (${v.address.slice(0, 10)}…) with the clock at its time`, async () => {
      // Where the source gave only the state init, the key is read from it: the check then
      // proves the relay reads the same key the wallet signed with.
      const key = v.publicKey ?? (await keyFromStateInit(v))
      await expect(verifyVector(v, (v.timestamp + 30) * 1000, key)).resolves.toEqual({ walletAddress: v.address })
    })
  }

  it('refuses the same answers at today’s time', async () => {
    for (const v of vectors) {
      const error = await verifyVector(v, Date.now(), v.publicKey ?? (await keyFromStateInit(v))).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(RelayError)
      expect((error as RelayError).code).toBe('challenge_expired')
    }
  })

  it('refuses a W5 beta state init read with the v5R1 layout: the key would be wrong', async () => {
    const w5 = vectors.find((v) => v.wallet === 'v5beta')!
    const { Cell, loadStateInit } = await import('@ton/core')
    const data = loadStateInit(Cell.fromBase64(w5.stateInit).beginParse()).data!.beginParse()
    data.skip(65)
    const v5r1Reading = data.loadBuffer(32).toString('hex')
    expect(v5r1Reading).not.toBe(w5.publicKey)
    const error = await verifyVector(w5, (w5.timestamp + 30) * 1000, v5r1Reading).catch((e: unknown) => e)
    expect((error as RelayError).code).toBe('signature_invalid')
  })
})

async function keyFromStateInit(v: Vector): Promise<string> {
  const { Cell, loadStateInit } = await import('@ton/core')
  const { codeHash, KNOWN_WALLETS } = await import('./wallets.js')
  const init = loadStateInit(Cell.fromBase64(v.stateInit).beginParse())
  return KNOWN_WALLETS[codeHash(init.code!)]!.publicKey(init.data!.beginParse()).toString('hex')
}

describe('POST /v1/link (ton)', () => {
  for (const version of Object.keys(TON_WALLET_VERSIONS) as TonWalletVersion[]) {
    it(`links a ${version} wallet (${version === 'v4r1' ? 'code from tonweb, data' : 'state init'} built by @ton/ton) proved by a real ed25519 ton_proof`, async () => {
      const h = harness()
      const wallet = tonWallet(version)
      const { response } = await h.linkTon(wallet)
      expect(response.status).toBe(200)
      const [user] = h.emulator.state.snapshot().users
      expect(user).toMatchObject({ walletType: 'ton', walletAddress: wallet.address })
      expect((await response.json()).wallet).toMatchObject({ walletType: 'ton', walletAddress: wallet.address })
    })
  }

  it('accepts the user-friendly form of the address and links the raw form', async () => {
    const h = harness()
    const wallet = tonWallet()
    const { response } = await h.linkTon(wallet, { request: { walletAddress: wallet.friendlyAddress } })
    expect(response.status).toBe(200)
    expect(h.emulator.state.snapshot().users[0]!.walletAddress).toBe(wallet.address)
  })

  it('sends Snag the tonVerification exactly in its documented shape', async () => {
    const h = harness()
    const wallet = tonWallet()
    const issued = await h.challenge({ walletType: 'ton' })
    const tonVerification = wallet.prove(issued)
    const seen = h.connectBodies()
    await h.post('/v1/link', { walletType: 'ton', walletAddress: wallet.address, verificationData: { tonVerification } })
    expect(seen).toEqual([
      expect.objectContaining({ walletType: 'ton', walletAddress: wallet.address, verificationData: { tonVerification } }),
    ])
  })

  itRefuses([
    [
      'a payload the relay never issued',
      async (h) => (await h.linkTon(tonWallet(), { overrides: { payload: 'f'.repeat(32) } })).response,
      'challenge_unknown',
    ],
    ['a wrong lengthBytes', async (h) => (await h.linkTon(tonWallet(), { overrides: { lengthBytes: 10 } })).response, 'invalid_request'],
    [
      'a timestamp older than the challenge',
      async (h) =>
        (await h.linkTon(tonWallet(), { overrides: { timestamp: Math.floor(Date.parse('2026-11-22T11:00:00Z') / 1000) } })).response,
      'challenge_expired',
    ],
    [
      'a timestamp in the future',
      async (h) =>
        (await h.linkTon(tonWallet(), { overrides: { timestamp: Math.floor(Date.parse('2026-11-22T12:10:00Z') / 1000) } })).response,
      'challenge_expired',
    ],
    [
      'a state init that does not hash to the address',
      async (h) => (await h.linkTon(tonWallet(), { overrides: { stateInit: tonWallet().stateInit } })).response,
      'address_mismatch',
    ],
    [
      'a public key that differs from the state init’s',
      async (h) => (await h.linkTon(tonWallet(), { overrides: { publicKey: tonWallet().publicKey } })).response,
      'signature_invalid',
    ],
    [
      'a signature over other bytes',
      async (h) => (await h.linkTon(tonWallet(), { overrides: { signed: { payload: 'something else' } } })).response,
      'signature_invalid',
    ],
    [
      'a contract the relay cannot read a key from (a v4R2 data cell under other code)',
      async (h) => {
        const { beginCell, contractAddress } = await import('@ton/core')
        const wallet = tonWallet((publicKey) => {
          const init = { code: beginCell().storeUint(0xdecaf, 24).endCell(), data: TON_WALLET_VERSIONS.v4r2(publicKey).init.data }
          return { address: contractAddress(0, init), init }
        })
        return (await h.linkTon(wallet)).response
      },
      'wallet_unsupported',
    ],
    [
      'a known contract whose data is too short to hold a key',
      async (h) => {
        const { beginCell, contractAddress } = await import('@ton/core')
        const wallet = tonWallet((publicKey) => {
          const init = { code: TON_WALLET_VERSIONS.v4r2(publicKey).init.code, data: beginCell().storeUint(0, 64).endCell() }
          return { address: contractAddress(0, init), init }
        })
        return (await h.linkTon(wallet)).response
      },
      'invalid_request',
    ],
    [
      'a state init that is not a BoC',
      async (h) => (await h.linkTon(tonWallet(), { overrides: { stateInit: 'bm90IGEgYm9j' } })).response,
      'invalid_request',
    ],
    ['a chainId on a TON challenge', async (h) => h.post('/v1/challenge', { walletType: 'ton', chainId: -239 }), 'invalid_request'],
  ])

  it('is checked by the emulator too, which answers Snag’s signatue is not valid', async () => {
    const h = harness()
    const wallet = tonWallet()
    const issued = await h.challenge({ walletType: 'ton' })
    const connect = (tonVerification: TonVerification) =>
      h.snagConnect({ walletType: 'ton', walletAddress: wallet.address, verificationData: { tonVerification } })
    const forged = await connect(wallet.prove(issued, { signed: { domain: 'evil.example' } }))
    expect(forged.status).toBe(400)
    expect(await forged.json()).toEqual({ message: 'signatue is not valid' })
    expect((await connect(wallet.prove(issued))).status).toBe(200)
  })

  it('serves a TON Connect manifest naming the asking origin when it is allowed', async () => {
    const h = harness()
    const manifest = async (query: string) => (await h.app.request(`/tonconnect-manifest.json${query}`)).json()
    expect(await manifest('?origin=https://other.example')).toEqual({
      url: 'https://other.example',
      name: 'link-wallet',
      iconUrl: 'https://other.example/favicon.ico',
    })
    expect(await manifest('?origin=https://evil.example')).toMatchObject({ url: 'https://app.example' })
  })

  it('names the manifest on the relay’s configured public URL, whatever Host the request carries', async () => {
    const h = harness({ env: { PUBLIC_URL: 'https://relay.example/' } })
    const config = await (
      await h.app.request('http://10.0.0.7:8787/v1/config', { headers: { origin: 'https://app.example', host: 'evil.example' } })
    ).json()
    expect(config.ton).toEqual({
      network: '-239',
      manifestUrl: 'https://relay.example/tonconnect-manifest.json?origin=https%3A%2F%2Fapp.example',
    })
  })

  it('names no manifest without a public URL (the page then names its own)', async () => {
    const config = await (await harness().app.request('/v1/config', { headers: { origin: 'https://app.example' } })).json()
    expect(config.ton).toEqual({ network: '-239' })
  })
})
