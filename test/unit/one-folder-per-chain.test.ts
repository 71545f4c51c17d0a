/**
 * A chain is one folder: no shipped source outside `src/chains/<id>/` and the
 * registries names a chain (its id as a string, or as an object key), except
 * Snag's own walletType enum. Adding a chain then touches its folder and the
 * registry lines the compiler asks for.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { CHAIN_IDS } from '../../src/chains/registry.js'

const src = fileURLToPath(new URL('../../src/', import.meta.url))
const ALLOWED = [
  /^chains\/(registry|browser-registry|server-registry)\.ts$/,
  ...CHAIN_IDS.map((id) => new RegExp(`^chains/${id}/`)),
  /^protocol\/snag-enums\.ts$/,
]

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : []
  })
}

describe('chain ids in shipped source', () => {
  it('appear only in their own folder and the registries', () => {
    const mention = new RegExp(`['"\`](${CHAIN_IDS.join('|')})['"\`]|\\b(${CHAIN_IDS.join('|')}):`)
    const found = sources(src)
      .map((path) => relative(src, path))
      .filter((path) => !ALLOWED.some((allowed) => allowed.test(path)))
      .flatMap((path) =>
        readFileSync(join(src, path), 'utf8')
          .split('\n')
          .flatMap((line, i) => (mention.test(line) ? [`${path}:${i + 1}: ${line.trim()}`] : [])),
      )
    expect(found).toEqual([])
  })
})
