/** What the package ships: its exports resolve to built files, typed, with a custom-elements manifest. */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { beforeAll, describe, expect, it } from 'vitest'

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url))
const bin = (name: string) => root(`node_modules/.bin/${name}`)
const pkg = JSON.parse(readFileSync(root('package.json'), 'utf8')) as {
  exports: Record<string, string | Record<string, string>>
  customElements: string
}

beforeAll(() => {
  // What `npm run build:widget` does beyond the lib build the e2e setup already made.
  execFileSync(bin('tsc'), ['-p', 'tsconfig.types.json'], { cwd: root('') })
  execFileSync(bin('cem'), ['analyze'], { cwd: root(''), stdio: 'ignore' })
  return build({ configFile: root('vite.config.ts'), mode: 'standalone', logLevel: 'warn' })
    .then(() => build({ configFile: root('vite.config.ts'), mode: 'no-dom', logLevel: 'warn' }))
    .then(() => undefined)
}, 120_000)

describe('the package', () => {
  it('imports cleanly where there is no DOM, as server rendering does, and registers nothing', () => {
    const script = `
      for (const entry of ['link-wallet', 'link-wallet/element', 'link-wallet/standalone']) {
        const module = await import(entry)
        if (typeof module.LinkedEvent !== 'function') throw new Error(entry + ' has no LinkedEvent')
      }
      const { LinkWallet } = await import('link-wallet/element')
      class Mine extends LinkWallet {}
      try { new Mine(); throw new Error('constructed') } catch (error) { if (!/only in a browser/.test(error.message)) throw error }
      console.log(typeof globalThis.customElements)`
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root(''), encoding: 'utf8' })
    expect(out.trim()).toBe('undefined')
  })

  it('points every export at a file the build wrote', () => {
    for (const [name, target] of Object.entries(pkg.exports)) {
      const files = typeof target === 'string' ? [target] : Object.values(target)
      for (const file of files) expect(existsSync(root(file)), `${name} → ${file}`).toBe(true)
    }
  })

  it('ships a custom-elements manifest generated from the element’s JSDoc', () => {
    const manifest = JSON.parse(readFileSync(root(pkg.customElements), 'utf8')) as {
      modules: {
        declarations?: {
          tagName?: string
          attributes?: { name: string }[]
          events?: { name: string; type?: { text: string } }[]
          cssParts?: { name: string }[]
          cssProperties?: { name: string; default?: string }[]
        }[]
      }[]
    }
    const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'link-wallet')!
    expect(element.attributes!.map((a) => a.name)).toEqual(
      expect.arrayContaining(['relay', 'chains', 'user-token', 'locale', 'theme', 'layout', 'profile', 'ton-manifest-url']),
    )
    expect(element.events!.map((e) => `${e.name}: ${e.type?.text}`).sort()).toEqual([
      'lw-error: LinkErrorEvent',
      'lw-linked: LinkedEvent',
      'lw-signed-out: SignedOutEvent',
      'lw-state: StateEvent',
      'lw-unlinked: UnlinkedEvent',
    ])
    expect(element.cssParts!.map((p) => p.name)).toEqual(
      expect.arrayContaining(['button', 'dialog', 'wallet-list', 'wallet-option', 'status', 'error', 'wallets']),
    )
    expect(element.cssProperties).toContainEqual(expect.objectContaining({ name: '--lw-accent', default: '#4f46e5' }))
  })

  it('types the element and its events for TypeScript users', () => {
    const types = readFileSync(root('dist/types/widget/define.d.ts'), 'utf8') + readFileSync(root('dist/types/widget/events.d.ts'), 'utf8')
    expect(types).toContain("'link-wallet': LinkWallet")
    expect(types).toContain("'lw-linked': LinkedEvent")
  })

  it('has a standalone single-file build with no imports of its own', () => {
    const standalone = readFileSync(root('dist/standalone/link-wallet.standalone.js'), 'utf8')
    expect(standalone).not.toMatch(/\bimport\s*\(|\bfrom\s*["'`]\.\//)
    expect(standalone).toContain('link-wallet')
  })
})
