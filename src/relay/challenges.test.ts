/** Challenges are the same whichever crypto port makes them: instances on Node and elsewhere can share a store. */
import { describe, expect, it } from 'vitest'
import { nodeCrypto } from '../crypto/node.js'
import { webCrypto } from '../crypto/port.js'
import { createChallenges } from './challenges.js'
import { createMemoryStore } from './stores/memory.js'

const ORIGIN = 'https://app.example'
const made = (crypto: typeof webCrypto, secret = 's'.repeat(32)) =>
  createChallenges({
    store: createMemoryStore(),
    now: () => 1_767_225_600_000,
    ttlSeconds: 300,
    statement: 'Link',
    secret,
    allowedOrigins: [ORIGIN],
    crypto,
  })

describe('challenges across crypto ports', () => {
  it('opens at a Web Crypto instance what a node:crypto one issued, and the other way round', async () => {
    const subject = { walletType: 'evm', chainId: 1, address: '0x0000000000000000000000000000000000000001' }
    for (const [issuer, opener] of [
      [made(nodeCrypto), made(webCrypto)],
      [made(webCrypto), made(nodeCrypto)],
    ] as const) {
      const issued = await issuer.issue(subject, ORIGIN)
      expect(await opener.open(issued.nonce, { walletType: 'evm', address: subject.address }, ORIGIN)).toEqual(issued)
    }
  })

  it('refuses a nonce made with another secret, or for another wallet', async () => {
    const issued = await made(nodeCrypto).issue(
      { walletType: 'evm', chainId: 1, address: '0x0000000000000000000000000000000000000001' },
      ORIGIN,
    )
    await expect(
      made(webCrypto, 't'.repeat(32)).open(
        issued.nonce,
        { walletType: 'evm', address: '0x0000000000000000000000000000000000000001' },
        ORIGIN,
      ),
    ).rejects.toMatchObject({
      code: 'challenge_unknown',
    })
    await expect(
      made(webCrypto).open(issued.nonce, { walletType: 'evm', address: '0x0000000000000000000000000000000000000002' }, ORIGIN),
    ).rejects.toMatchObject({
      code: 'address_mismatch',
    })
  })
})
