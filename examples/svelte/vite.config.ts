import { svelte } from '@sveltejs/vite-plugin-svelte'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

// In your app `npm install link-wallet` provides 'link-wallet'; here it is this repository's build.
export default defineConfig({
  plugins: [svelte()],
  resolve: { alias: { 'link-wallet': fileURLToPath(new URL('../../dist/lib/link-wallet.js', import.meta.url)) } },
})
