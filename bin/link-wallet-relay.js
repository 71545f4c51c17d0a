#!/usr/bin/env node
// Runs the compiled relay when the package was built, else the TypeScript
// sources through tsx (a fresh clone needs no build step).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const compiled = fileURLToPath(new URL('../dist/node/relay/cli.js', import.meta.url))
if (existsSync(compiled)) {
  await import(compiled)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import('../src/relay/cli.ts')
}
