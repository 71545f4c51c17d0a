/**
 * Builds the widget bundle as a site ships it, with a relay configuration in
 * the environment, and checks that no secret or upstream address is in it.
 */
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { describe, expect, it } from 'vitest'
import { SNAG_PRODUCTION_URL } from '../../src/relay/config.js'

const root = fileURLToPath(new URL('../../', import.meta.url))

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)])))
  return nested.flat()
}

describe('the widget bundle', () => {
  it('holds no API key, upstream URL or secret from the configuration it was built beside', async () => {
    const secrets = {
      SNAG_API_KEY: `sk_live_${crypto.randomUUID().replaceAll('-', '')}`,
      SNAG_API_URL: 'https://snag-upstream.internal.example/',
      VELT_API_KEY: `velt_${crypto.randomUUID()}`,
      HOST_TOKEN_SECRET: `hts_${crypto.randomUUID()}`,
    }
    const saved = { ...process.env }
    Object.assign(process.env, secrets, { VITE_SNAG_API_KEY: secrets.SNAG_API_KEY })
    const outDir = join(root, 'dist', 'bundle-check')
    try {
      await build({ configFile: join(root, 'vite.config.ts'), mode: 'lib', logLevel: 'warn', build: { outDir } })
    } finally {
      process.env = saved
    }
    const output = await Promise.all((await files(outDir)).map((file) => readFile(file, 'utf8')))
    const text = output.join('\n')
    expect(text.length).toBeGreaterThan(10_000)
    expect(text).toContain('lw-linked')
    for (const forbidden of [
      ...Object.values(secrets),
      'snag-upstream',
      SNAG_PRODUCTION_URL,
      'snagsolutions',
      'X-API-KEY',
      'x-velt-api-key',
    ])
      expect(text, `bundle contains ${forbidden}`).not.toContain(forbidden)
  })
})
