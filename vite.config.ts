/**
 * `vite build`: the demo page (dist/demo).
 * `vite build --mode lib`: the widget as one minified ES module a site can load
 * with <script type="module"> (dist/lib), chain code split into chunks that load
 * relative to it, on demand. Library mode leaves ES output unminified, so the
 * output asks rolldown to minify it.
 */
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig(({ mode }) =>
  mode === 'lib'
    ? {
        build: {
          outDir: here('dist/lib'),
          emptyOutDir: true,
          target: 'es2022',
          lib: { entry: here('src/widget/define.ts'), formats: ['es'], fileName: 'link-wallet' },
          rollupOptions: { output: { minify: true, chunkFileNames: 'chunks/[name]-[hash].js' } },
        },
      }
    : {
        root: here('demo'),
        build: { outDir: here('dist/demo'), emptyOutDir: true, target: 'es2022' },
        server: { host: '127.0.0.1' },
      },
)
