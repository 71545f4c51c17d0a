/** The README's host-backend example mints tokens the relay accepts. */
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { mintUserToken } from '../../examples/host-backend/mint-user-token.js'
import { verifyHostToken } from '../../src/relay/host-token.js'

const SECRET = 'a-secret-shared-with-the-relay-0123456789'

describe('examples/host-backend', () => {
  it('mints a token the relay accepts, naming the host’s user', async () => {
    const token = await mintUserToken('user-42', SECRET)
    expect(await verifyHostToken(token, SECRET, Date.now())).toBe('user-42')
  })

  it('mints a short-lived token: the relay refuses it once expired', async () => {
    const token = await mintUserToken('user-42', SECRET, 300, Date.now() - 301_000)
    await expect(verifyHostToken(token, SECRET, Date.now())).rejects.toMatchObject({ code: 'unauthorized' })
  })

  it('runs from the command line as the README shows', async () => {
    const script = fileURLToPath(new URL('../../examples/host-backend/mint-user-token.ts', import.meta.url))
    const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url))
    const token = execFileSync(tsx, [script, 'user-7'], { env: { ...process.env, HOST_TOKEN_SECRET: SECRET }, encoding: 'utf8' }).trim()
    expect(await verifyHostToken(token, SECRET, Date.now())).toBe('user-7')
  })
})
