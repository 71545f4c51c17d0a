/**
 * The relay core (`createRelayApp` and all it imports) runs on any Fetch-API
 * runtime: bundled for a browser-like platform (as for Workers, Deno or Bun), no
 * module of it asks for a Node built-in. Checked with the bundler the project
 * already has, by watching every import it resolves.
 */
import { builtinModules } from 'node:module'
import { fileURLToPath } from 'node:url'
import { build, type Plugin } from 'vite'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)])

/**
 * Three libraries ask for a built-in only inside a guard with a fallback, and map it
 * away for browsers in their package.json: tweetnacl (under @ton/core) and brorand
 * (under elliptic, under @wharfkit/antelope) for `crypto` where no Web Crypto exists,
 * bn.js (under @polkadot/util) for `buffer`. Nothing else may ask.
 */
const TOLERATED = [
  { source: 'crypto', importer: /node_modules\/tweetnacl\// },
  { source: 'crypto', importer: /node_modules\/brorand\// },
  { source: 'buffer', importer: /node_modules\/bn\.js\// },
]

describe('the relay core', () => {
  it('bundles for a browser-like platform, no module of it asking for a Node built-in', async () => {
    const asked: { source: string; importer: string }[] = []
    const watch: Plugin = {
      name: 'watch-node-builtins',
      enforce: 'pre',
      resolveId(source, importer) {
        if (NODE_BUILTINS.has(source)) asked.push({ source, importer: importer ?? '' })
        return null
      },
    }
    await build({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [watch],
      build: { write: false, target: 'es2022', lib: { entry: `${root}src/relay/app.ts`, formats: ['es'], fileName: 'relay-core' } },
    })
    const untolerated = asked.filter(({ source, importer }) => !TOLERATED.some((t) => t.source === source && t.importer.test(importer)))
    expect(untolerated).toEqual([])
  }, 60_000)
})
