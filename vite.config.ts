/**
 * `vite build`: the demo page (dist/demo), and the README as one of its pages.
 * `vite build --mode lib`: the widget as a minified ES module a site loads with
 * <script type="module"> (dist/lib/link-wallet.js, registering the element; and
 * element.js, the class alone), chain code in chunks loaded on demand, relative
 * to it. Library mode leaves ES output unminified, so the output asks rolldown to.
 * `vite build --mode standalone`: the same as one self-contained file.
 * `vite build --mode no-dom`: what server rendering imports instead (dist/no-dom).
 */
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { readmePage } from './demo/readme-page.js'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

const widget = here('src/widget/define.ts')

export default defineConfig(({ mode }) => {
  if (mode === 'lib')
    return {
      build: {
        outDir: here('dist/lib'),
        emptyOutDir: true,
        target: 'es2022',
        lib: { entry: { 'link-wallet': widget, element: here('src/widget/index.ts') }, formats: ['es'] },
        rollupOptions: { output: { minify: true, entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' } },
      },
    }
  // Where there is no DOM (server rendering): the events and a stand-in class; package.json's conditions pick it.
  if (mode === 'no-dom')
    return {
      build: {
        outDir: here('dist/no-dom'),
        emptyOutDir: true,
        target: 'es2022',
        lib: { entry: here('src/widget/no-dom.ts'), formats: ['es'], fileName: () => 'index.js' },
        rollupOptions: { output: { minify: true } },
      },
    }
  // One file with every chain inlined, for hosts that can serve only one file (heavier: no lazy loading).
  if (mode === 'standalone')
    return {
      build: {
        outDir: here('dist/standalone'),
        emptyOutDir: true,
        target: 'es2022',
        lib: { entry: widget, formats: ['es'], fileName: () => 'link-wallet.standalone.js' },
        rollupOptions: { output: { minify: true, inlineDynamicImports: true } },
      },
    }
  return {
    root: here('demo'),
    build: {
      outDir: here('dist/demo'),
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: { input: { index: here('demo/index.html'), readme: here('demo/readme.html') } },
    },
    plugins: [readmePage()],
    server: { host: '127.0.0.1' },
    // The dev server (`npm start`) resolves Lit's production build too: its dev build warns in the console.
    resolve: { conditions: ['module', 'browser', 'production'] },
  }
})
