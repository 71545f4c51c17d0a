/** `link-wallet-relay` as an operator runs it: its first line, `PORT=0`, `--emulate`, bad configuration. */
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { CHAIN_IDS } from '../../src/chains/registry.js'
import { once } from 'node:events'
import type { ChallengeResponse } from '../../src/protocol/relay.js'
import { evmWallet } from '../support/evm.js'
import { BIN, startBin, urlIn } from '../support/processes.js'

const valid = {
  ALLOWED_ORIGINS: 'https://app.example',
  SNAG_API_KEY: 'operator-secret-key',
  SNAG_WEBSITE_ID: '123e4567-e89b-12d3-a456-426614174000',
  SNAG_ORGANIZATION_ID: '123e4567-e89b-12d3-a456-426614174001',
  SNAG_API_URL: 'http://127.0.0.1:1/',
  PORT: '0',
}

describe('link-wallet-relay', () => {
  it('prints its address first, picks a free port with PORT=0, answers, and exits 0 on SIGTERM', async () => {
    const relay = await startBin([], valid, 1)
    expect(relay.lines[0]).toMatch(/^link-wallet relay listening on http:\/\/127\.0\.0\.1:\d+$/)
    const url = urlIn(relay.lines[0])
    expect(new URL(url).port).not.toBe('0')
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true })
    expect(await relay.stop()).toBe(0)
  })

  it('with --emulate, also starts the emulator and links through it', async () => {
    const relay = await startBin(['--emulate'], { PORT: '0', ALLOWED_ORIGINS: 'https://app.example' }, 2)
    expect(relay.lines[0]).toMatch(/^link-wallet relay listening on /)
    expect(relay.lines[1]).toMatch(/^snag emulator listening on http:\/\/127\.0\.0\.1:\d+$/)
    const state = await fetch(`${urlIn(relay.lines[1])}/__emulator/state`)
    expect(await state.json()).toEqual({ users: [], groups: [], metadata: {}, velt: {} })
    const challenge = await fetch(`${urlIn(relay.lines[0])}/v1/challenge`, {
      method: 'POST',
      headers: { origin: 'https://app.example', 'content-type': 'application/json' },
      body: JSON.stringify({ walletType: 'evm' }),
    })
    expect(challenge.status).toBe(200)
    await relay.stop()
  })

  it('on SIGTERM, finishes the requests under way, refuses new ones, and exits 0', async () => {
    const origin = 'https://app.example'
    const relay = await startBin(['--emulate'], { PORT: '0', ALLOWED_ORIGINS: origin, LOG_LEVEL: 'warn' }, 2)
    const [url, emulator] = [urlIn(relay.lines[0]), urlIn(relay.lines[1])]
    const post = (path: string, body: unknown) =>
      fetch(`${url}${path}`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify(body) })
    const wallet = evmWallet()
    const challenge = (await (await post('/v1/challenge', { walletType: 'evm' })).json()) as ChallengeResponse
    await fetch(`${emulator}/__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ path: '/api/users/connect', fault: { delayMs: 1500 } }),
    })

    const inFlight = post('/v1/link', { walletType: 'evm', walletAddress: wallet.address, verificationData: await wallet.prove(challenge) })
    await new Promise((resolve) => setTimeout(resolve, 300))
    const exited = once(relay.child, 'exit')
    relay.child.kill('SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 200))
    await expect(fetch(`${url}/healthz`)).rejects.toThrow()
    expect((await inFlight).status).toBe(200)
    expect((await exited)[0]).toBe(0)
  })

  it('refuses to start on bad configuration, says why, and never prints a secret', () => {
    const run = spawnSync(process.execPath, [BIN], {
      env: { ...process.env, ...valid, SNAG_WEBSITE_ID: 'nope', ALLOWED_ORIGINS: '' },
      encoding: 'utf8',
    })
    expect(run.status).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain('SNAG_WEBSITE_ID must be the website id (a UUID) from Snag')
    expect(run.stderr).toContain('ALLOWED_ORIGINS')
    expect(run.stderr).not.toContain('operator-secret-key')
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })

  it('says in one line per variable what is wrong with a Node setting, without a stack trace', () => {
    const run = spawnSync(process.execPath, [BIN, '--emulate'], {
      env: { ...process.env, LOG_LEVEL: 'verbose', PORT: 'abc' },
      encoding: 'utf8',
    })
    expect(run.status).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain('PORT must be a whole number from 0 to 65535')
    expect(run.stderr).toContain('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent')
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })

  it('states every chain’s variables and their defaults in --help', () => {
    const run = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' })
    expect(run.status).toBe(0)
    for (const line of [
      new RegExp(`CHAINS\\s+enabled chains among ${CHAIN_IDS.join(',')}; default evm,solana,ton,sui,cosmos,substrate$`, 'm'),
      /AGW_CHAIN_ID .*, default 2741/,
      /IMX_CHAIN_ID .*, default 13371/,
      /SUI_NETWORK .*, default mainnet/,
      /EVM_CHAIN_IDS .*, default 1/,
      /SOLANA_CHAIN .*, default mainnet/,
      /TON_NETWORK .*, default -239/,
    ])
      expect(run.stdout).toMatch(line)
  })

  it('refuses an unknown option with its usage', () => {
    const run = spawnSync(process.execPath, [BIN, '--emulat'], { env: { ...process.env, ...valid }, encoding: 'utf8' })
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('Usage: link-wallet-relay')
  })
})
