#!/usr/bin/env node
// The relay's command line, compiled: no TypeScript loader.
await import('../dist/relay/cli.js')
