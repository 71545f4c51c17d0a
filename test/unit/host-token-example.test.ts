/** The README's host-backend example mints tokens the relay accepts. */
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { mintUserToken } from '../../examples/host-backend/mint-user-token.js'
import { verifyHostToken } from '../../src/relay/host-token.js'

const SECRET = 'a-secret-shared-with-the-relay-0123456789'
const settings = { secret: SECRET, maxLifetimeSeconds: 900 }

describe('examples/host-backend', () => {
  it('mints a token the relay accepts, naming the host’s user', async () => {
    const token = await mintUserToken('user-42', SECRET)
    expect(await verifyHostToken(token, settings, Date.now())).toBe('user-42')
  })

  it('mints a short-lived token: the relay refuses it once expired', async () => {
    const token = await mintUserToken('user-42', SECRET, { now: Date.now() - 301_000 })
    await expect(verifyHostToken(token, settings, Date.now())).rejects.toMatchObject({ code: 'unauthorized' })
  })

  it('runs from the command line as the README shows', async () => {
    const script = fileURLToPath(new URL('../../examples/host-backend/mint-user-token.ts', import.meta.url))
    const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url))
    const token = execFileSync(tsx, [script, 'user-7'], { env: { ...process.env, HOST_TOKEN_SECRET: SECRET }, encoding: 'utf8' }).trim()
    expect(await verifyHostToken(token, settings, Date.now())).toBe('user-7')
  })

  it('puts the relay’s audience and issuer in the token when they are set', async () => {
    const pinned = { ...settings, audience: 'link-wallet-relay', issuer: 'https://app.example' }
    const token = await mintUserToken('user-9', SECRET, { audience: pinned.audience, issuer: pinned.issuer })
    expect(await verifyHostToken(token, pinned, Date.now())).toBe('user-9')
    await expect(verifyHostToken(token, settings, Date.now())).rejects.toMatchObject({ code: 'unauthorized' })
  })
})
