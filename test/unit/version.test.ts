/** One version: both packages, the relay's OpenAPI document and the CHANGELOG's latest entry name the same. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { VERSION } from '../../src/relay/version.js'

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')

describe('the version', () => {
  it('is the same in both packages, the relay and the CHANGELOG', () => {
    expect(JSON.parse(read('package.json')).version).toBe(VERSION)
    expect(JSON.parse(read('packages/relay/package.json')).version).toBe(VERSION)
    expect(read('CHANGELOG.md')).toMatch(new RegExp(`^## ${VERSION.replaceAll('.', '\\.')} `, 'm'))
  })

  it('pins the relay package to the widget package’s versions of every dependency they share', () => {
    const root = JSON.parse(read('package.json'))
    const relay = JSON.parse(read('packages/relay/package.json'))
    const all = { ...root.dependencies, ...root.devDependencies }
    for (const [name, range] of Object.entries(relay.dependencies)) expect(all[name], name).toBe(range)
  })
})
