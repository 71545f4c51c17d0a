// The relay package serves the built demo for `--emulate --demo`: copy dist/demo beside its code.
import { cp, rm } from 'node:fs/promises'

const from = new URL('../dist/demo/', import.meta.url)
const to = new URL('../packages/relay/dist/demo/', import.meta.url)
await rm(to, { recursive: true, force: true })
await cp(from, to, { recursive: true }).catch((error) => {
  if (error.code !== 'ENOENT') throw error
  console.warn('dist/demo is not built (npm run build builds it): the relay package ships without the demo page')
})
