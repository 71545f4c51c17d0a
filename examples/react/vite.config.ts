import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

// In your app `npm install link-wallet` provides 'link-wallet'; here it is this repository's build.
export default defineConfig({
  resolve: { alias: { 'link-wallet': fileURLToPath(new URL('../../dist/lib/link-wallet.js', import.meta.url)) } },
  oxc: { jsx: { runtime: 'automatic' } },
})
