#!/usr/bin/env node
// The relay's command line, run from its TypeScript sources through tsx.
import { register } from 'tsx/esm/api'

register()
await import('../src/relay/cli.ts')
