/** A session read again by a request that holds it: as it stands now, or ended. */
import { describe, expect, it } from 'vitest'
import { webCrypto } from '../crypto/port.js'
import type { RelayError } from '../protocol/errors.js'
import { createSessions } from './sessions.js'
import { createMemoryStore } from './stores/memory.js'

const prover = { userId: 'u-1', walletType: 'evm', walletAddress: '0x0000000000000000000000000000000000000001' } as const

describe('sessions.current', () => {
  it('gives the session as it stands now, and refuses it once ended, expired, or its prover’s sessions ended', async () => {
    let now = 1_767_225_600_000
    const sessions = createSessions({ store: createMemoryStore({ now: () => now }), ttlSeconds: 60, now: () => now, crypto: webCrypto })
    const ended = (promise: Promise<unknown>) =>
      expect(promise).rejects.toMatchObject({
        code: 'unauthorized',
        message: 'The session has ended. Sign in again.',
      } satisfies Partial<RelayError>)

    const { session } = await sessions.create({ prover, groupId: null })
    await sessions.joinGroup(prover.userId, 'g-1')
    expect((await sessions.current(session)).record.groupId).toBe('g-1')
    await sessions.end(session)
    await ended(sessions.current(session))

    const byProver = (await sessions.create({ prover, groupId: null })).session
    await sessions.endAllBy(prover.userId)
    await ended(sessions.current(byProver))

    const expiring = (await sessions.create({ prover, groupId: null })).session
    now += 60_000
    await ended(sessions.current(expiring))
  })
})
