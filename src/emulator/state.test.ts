import { describe, expect, it } from 'vitest'
import { createEmulator, MAX_DEMO_USERS } from './app.js'
import { EmulatorState } from './state.js'

const wallet = (n: number) => `0x${n.toString(16).padStart(40, '0')}`

describe('emulator state, bounded (the hosted demo)', () => {
  it('makes room for a new wallet by forgetting the oldest user and all that names it', () => {
    const state = new EmulatorState(() => 0, [], 3)
    const [first, second] = [state.userForWallet('evm', wallet(1)), state.userForWallet('evm', wallet(2))]
    const group = state.groupOf(first)
    state.setGroup(second, group.id)
    state.writeMetadata(first, { displayName: 'Ada' })
    state.addToVeltGroup('org', 'members', [first.id, second.id])
    state.userForWallet('evm', wallet(3))
    expect(state.users.size).toBe(3)

    state.userForWallet('evm', wallet(4))
    expect(state.userByWallet('evm', wallet(1))).toBeUndefined()
    expect(state.members(group.id).map((user) => user.id)).toEqual([second.id])
    expect(state.metadata.has(first.id)).toBe(false)
    expect(state.snapshot().velt).toEqual({ org: { members: [second.id] } })

    state.userForWallet('evm', wallet(5))
    expect(state.groups.has(group.id)).toBe(false)
    expect(state.snapshot().users.map((user) => user.walletAddress)).toEqual([wallet(3), wallet(4), wallet(5)])
    // A wallet forgotten is a new user when it comes back.
    expect(state.userForWallet('evm', wallet(1)).id).not.toBe(first.id)
  })

  it('bounds a public demo’s users, and no other emulator’s', () => {
    const demo = createEmulator({ publicDemo: true }).state
    const local = createEmulator().state
    for (let i = 0; i <= MAX_DEMO_USERS; i++) {
      demo.userForWallet('evm', wallet(i))
      local.userForWallet('evm', wallet(i))
    }
    expect(demo.users.size).toBe(MAX_DEMO_USERS)
    expect(demo.userByWallet('evm', wallet(0))).toBeUndefined()
    expect(local.users.size).toBe(MAX_DEMO_USERS + 1)
  })
})
