/**
 * `vite build`: the demo page (dist/demo).
 * `vite build --mode lib`: the widget as one minified ES module a site can load
 * with <script type="module"> (dist/lib), chain code split into chunks loaded on demand.
 */
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig(({ mode }) =>
  mode === 'lib'
    ? {
        base: './',
        build: {
          outDir: here('dist/lib'),
          emptyOutDir: true,
          target: 'es2022',
          // Chunks load relative to the module itself, wherever a site hosts it.
          modulePreload: false,
          // An app build of a JS entry, not Vite's library mode: library mode keeps
          // ES output unminified, and this bundle is what a site ships as is.
          rollupOptions: {
            input: { 'link-wallet': here('src/widget/define.ts') },
            preserveEntrySignatures: 'exports-only',
            output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
          },
        },
      }
    : {
        root: here('demo'),
        build: { outDir: here('dist/demo'), emptyOutDir: true, target: 'es2022' },
        server: { host: '127.0.0.1' },
      },
)
