/**
 * Every package the repository's code imports is one it declares: nothing
 * resolves only because another package happens to depend on it. The widget
 * package depends on what its types reference; everything else is a dev
 * dependency here and, for the relay, a dependency of packages/relay (checked
 * against its compiled imports by the tarball test).
 */
import { builtinModules } from 'node:module'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const FOLDERS = ['src', 'test', 'demo', 'scripts', 'examples']
const SOURCE = /\.(ts|tsx|mts|js|mjs|vue|svelte)$/
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"./][^'"]*)['"]|\bimport\(\s*['"]([^'"./][^'"]*)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"./][^'"]*)['"]/g

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'dist') return []
    const path = join(dir, entry.name)
    return entry.isDirectory() ? files(path) : SOURCE.test(entry.name) ? [path] : []
  })
}

const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/')

describe('dependencies', () => {
  it('declares every package the code imports', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    const relay = JSON.parse(readFileSync(join(root, 'packages/relay/package.json'), 'utf8')).name
    const declared = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies), manifest.name, relay])
    const builtins = new Set(builtinModules)
    const missing = new Set<string>()
    for (const file of FOLDERS.flatMap((folder) => files(join(root, folder))))
      for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const specifier = match[1] ?? match[2] ?? match[3]!
        if (specifier.startsWith('node:') || specifier.startsWith('cloudflare:') || specifier.startsWith('virtual:')) continue
        const name = packageOf(specifier)
        if (!declared.has(name) && !builtins.has(name)) missing.add(`${name} (${file.slice(root.length)})`)
      }
    expect([...missing]).toEqual([])
  })
})
