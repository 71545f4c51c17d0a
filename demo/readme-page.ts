/**
 * The README as a page of the demo (`/readme.html`), rendered from README.md when the
 * page is built or served: the hosted demo links to it and stays one process, one port.
 * Its screenshots are served beside it under /screenshots/; links to files of the
 * repository (examples) are shown as their paths, as the demo does not serve them.
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Marked } from 'marked'
import type { Plugin } from 'vite'

const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url))
const SCREENSHOTS = root('docs/screenshots/')
const SLOT = '<!--README-->'

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`)

/** The screenshots met while rendering: only those the README shows ship with the demo. */
const shown = new Set<string>()

const marked = new Marked({
  renderer: {
    image({ href, text }) {
      if (href.startsWith('docs/screenshots/')) shown.add(href.slice('docs/screenshots/'.length))
      const src = href.replace(/^docs\/screenshots\//, '/screenshots/')
      return `<img src="${escapeHtml(src)}" alt="${escapeHtml(text)}" loading="lazy" />`
    },
    link({ href, tokens }) {
      const text = this.parser.parseInline(tokens)
      if (/^(https?:|mailto:|#)/.test(href)) return `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${text}</a>`
      return `${text} (<code>${escapeHtml(href)}</code>)`
    },
  },
})

/** README.md as HTML, and the screenshots it shows (file names under docs/screenshots/). */
export function renderReadme(): { html: string; screenshots: string[] } {
  shown.clear()
  const html = marked.parse(readFileSync(root('README.md'), 'utf8'), { async: false })
  return { html, screenshots: [...shown] }
}

export function readmePage(): Plugin {
  return {
    name: 'link-wallet-readme-page',
    transformIndexHtml(html) {
      return html.includes(SLOT) ? html.replace(SLOT, renderReadme().html) : html
    },
    configureServer(server) {
      server.middlewares.use('/screenshots/', (request, response, next) => {
        const name = (request.url ?? '').replace(/^\//, '').split('?')[0] ?? ''
        if (!/^[\w-]+\.png$/.test(name) || !existsSync(`${SCREENSHOTS}${name}`)) return next()
        response.setHeader('content-type', 'image/png')
        response.end(readFileSync(`${SCREENSHOTS}${name}`))
      })
    },
    generateBundle() {
      for (const name of renderReadme().screenshots)
        this.emitFile({ type: 'asset', fileName: `screenshots/${name}`, source: readFileSync(`${SCREENSHOTS}${name}`) })
    },
  }
}
