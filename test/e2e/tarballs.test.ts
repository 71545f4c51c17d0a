/**
 * The packages as someone installs them: both tarballs packed, then installed in
 * empty projects (dependencies from the registry, the npm cache first). The widget
 * imports in plain Node, installs small and type-checks in vanilla TypeScript,
 * React, Vue and Svelte consumers; the relay imports with no loader and its binary
 * answers.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startListening } from '../support/runtimes.js'

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'link-wallet-tarballs-'))
const tsc = root('node_modules/typescript/bin/tsc')
const devVersion = (name: string) =>
  (JSON.parse(execFileSync('npm', ['pkg', 'get', `devDependencies.${name}`], { cwd: root(''), encoding: 'utf8' })) as string).replace(
    /^[~^]/,
    '',
  )

let widgetTarball: string
let relayTarball: string

function pack(dir: string): string {
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: dir, encoding: 'utf8' })
  return join(work, (JSON.parse(out) as { filename: string }[])[0]!.filename)
}

/** How long one `npm install` may take: one from the cache takes 10–25 s here. */
const INSTALL_MS = 90_000

/**
 * An empty project with `packages` installed. npm 11.19 was seen to stall half-way through
 * extracting from its cache (no CPU, no socket, SIGTERM ignored) and hold the run until CI's
 * limit: a stalled install is killed and tried once more from an empty project; any other
 * failure, or a second stall, fails the suite.
 */
function project(name: string, packages: string[]): string {
  const dir = join(work, name)
  mkdirSync(dir)
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }))
  const install = () =>
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', ...packages], {
      cwd: dir,
      stdio: 'pipe',
      timeout: INSTALL_MS,
      killSignal: 'SIGKILL',
    })
  try {
    install()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw error
    console.warn(`npm install in ${dir} made no end in ${INSTALL_MS / 1000} s; trying once more`)
    rmSync(join(dir, 'node_modules'), { recursive: true, force: true })
    rmSync(join(dir, 'package-lock.json'), { force: true })
    install()
  }
  return dir
}

function sizeOf(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.size
  return readdirSync(path).reduce((total, entry) => total + sizeOf(join(path, entry)), 0)
}

/** Type-checks `file` in `dir` as a strict consumer would (`extra` compiler options added). */
function typecheck(dir: string, file: string, extra: Record<string, unknown> = {}) {
  const compilerOptions = {
    strict: true,
    module: 'nodenext',
    moduleResolution: 'nodenext',
    target: 'es2022',
    lib: ['es2022', 'dom'],
    noEmit: true,
    types: [],
    ...extra,
  }
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: [file] }))
  execFileSync(process.execPath, [tsc, '-p', dir], { cwd: dir, encoding: 'utf8' })
}

const node = (dir: string, script: string) =>
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' })

beforeAll(async () => {
  // What `npm run build` adds to the e2e setup's builds (the lib, the demo, the relay).
  for (const mode of ['standalone', 'no-dom']) await build({ configFile: root('vite.config.ts'), mode, logLevel: 'warn' })
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.types.json'], { cwd: root('') })
  execFileSync(root('node_modules/.bin/cem'), ['analyze'], { cwd: root(''), stdio: 'ignore' })
  widgetTarball = pack(root(''))
  relayTarball = pack(root('packages/relay'))
}, 180_000)
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('the link-wallet tarball in an empty project', () => {
  let dir: string
  beforeAll(
    () => {
      dir = project('widget-only', [widgetTarball])
    },
    2 * INSTALL_MS + 10_000,
  )

  it('installs in at most 20 MB', () => {
    const megabytes = sizeOf(join(dir, 'node_modules')) / 1024 / 1024
    console.log(`widget install: ${megabytes.toFixed(1)} MB`)
    expect(megabytes).toBeLessThanOrEqual(20)
  })

  it('imports in plain Node from every entry', () => {
    const out = node(
      dir,
      `for (const entry of ['link-wallet', 'link-wallet/element', 'link-wallet/standalone', 'link-wallet/react'])
         await import(entry)
       const { LinkWallet, LinkedEvent } = await import('link-wallet/element')
       console.log(typeof LinkWallet, LinkedEvent.eventName)`,
    )
    expect(out.trim()).toBe('function lw-linked')
  })

  it('type-checks a vanilla TypeScript page', () => {
    writeFileSync(
      join(dir, 'page.ts'),
      `import 'link-wallet'
       import type { LinkedEvent, LinkedWallet } from 'link-wallet'
       import { LinkWallet } from 'link-wallet/element'
       const element: LinkWallet = document.createElement('link-wallet')
       element.relay = 'https://relay.example'
       element.addEventListener('lw-linked', (event: LinkedEvent) => {
         const wallet: LinkedWallet = event.wallet
         console.log(wallet.walletAddress.toUpperCase(), element.linkedWallets.length)
       })
       // @ts-expect-error: the relay is a string
       element.relay = 42`,
    )
    typecheck(dir, 'page.ts')
  })
})

describe('link-wallet with React, Vue and Svelte', () => {
  let dir: string
  beforeAll(() => {
    dir = project('frameworks', [
      widgetTarball,
      `@types/react@${devVersion('@types/react')}`,
      `vue@${devVersion('vue')}`,
      `svelte@${devVersion('svelte')}`,
    ])
  }, 180_000)

  it('types the tag and its events in React JSX, Vue components and Svelte elements', () => {
    writeFileSync(
      join(dir, 'app.tsx'),
      `import 'link-wallet'
       import type {} from 'link-wallet/react'
       import type {} from 'link-wallet/vue'
       import type {} from 'link-wallet/svelte'
       import type { GlobalComponents } from 'vue'
       import type { SvelteHTMLElements } from 'svelte/elements'

       export const react = <link-wallet relay="https://relay.example" theme="dark" onlw-linked={(event) => event.wallet.walletAddress} />
       // @ts-expect-error: not a theme
       export const wrong = <link-wallet relay="https://relay.example" theme="blue" />

       type VueProps = InstanceType<GlobalComponents['link-wallet']>['$props']
       export const vue: VueProps = { relay: 'https://relay.example', onLwLinked: (event) => event.wallet.walletType }

       export const svelte: SvelteHTMLElements['link-wallet'] = { relay: 'https://relay.example', 'onlw-error': (event) => event.code }`,
    )
    typecheck(dir, 'app.tsx', { jsx: 'react-jsx', skipLibCheck: true })
  })
})

describe('the link-wallet-relay tarball in an empty project', () => {
  let dir: string
  beforeAll(() => {
    dir = project('relay', [relayTarball])
  }, 240_000)

  it('imports as a library with no TypeScript loader', () => {
    const out = node(
      dir,
      `const relay = await import('link-wallet-relay')
       const onNode = await import('link-wallet-relay/node')
       const emulator = relay.createEmulator()
       const { snag } = emulator.settings
       const config = relay.loadConfig({ ALLOWED_ORIGINS: 'https://app.example', SNAG_API_KEY: snag.apiKey, SNAG_WEBSITE_ID: snag.websiteId, SNAG_ORGANIZATION_ID: snag.organizationId, SNAG_API_URL: 'https://snag.test/' })
       const app = relay.createRelayApp({ config, store: relay.createMemoryStore(), clientIp: () => '203.0.113.1', fetch: emulator.fetch })
       const response = await app.request('/v1/config', { headers: { origin: 'https://app.example' } })
       console.log(response.status, (await response.json()).chains.join(','), typeof onNode.startRelay, typeof onNode.createRedisStore)`,
    )
    expect(out.trim()).toBe('200 evm,solana,ton,sui,cosmos,substrate function function')
  })

  const binary = (args: string[], env: Record<string, string>, url?: RegExp) =>
    startListening(join(dir, 'node_modules/.bin/link-wallet-relay'), args, { PORT: '0', LOG_LEVEL: 'warn', ...env }, { cwd: dir, url })

  it('serves the hosted demo from the installed package (--emulate --demo)', async () => {
    const demo = await binary(['--emulate', '--demo'], {}, /demo at (http:\/\/\S+)/)
    try {
      const page = await fetch(demo.url)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('<link-wallet')
    } finally {
      await demo.stop()
    }
  })

  it('runs its binary, compiled, and answers /v1/config', async () => {
    const relay = await binary(['--emulate'], { ALLOWED_ORIGINS: 'https://app.example' })
    try {
      const response = await fetch(`${relay.url}/v1/config`, { headers: { origin: 'https://app.example' } })
      expect(response.status).toBe(200)
      expect((await response.json()).chains).toContain('evm')
    } finally {
      await relay.stop()
    }
  })
})
