import { css } from 'lit'

/** The dark palette, for `prefers-color-scheme: dark` and for `theme="dark"`. */
const dark = css`
  --lw-accent: #818cf8;
  --lw-background: #111827;
  --lw-foreground: #f9fafb;
  --lw-muted: #d1d5db;
  --lw-border: #374151;
  --lw-danger: #fca5a5;
  --lw-success: #6ee7b7;
`

/**
 * Every colour, radius, font and spacing is a `--lw-*` custom property with a
 * default here; every meaningful node has a `part`. State shows on the host:
 * `link-wallet[state='signing']`.
 */
export const styles = css`
  :host {
    --lw-accent: #4f46e5;
    /*
     * Text on the accent: black or white, whichever reads better on it (its OKLCH lightness
     * against the point where both contrast alike), unless the page sets --lw-accent-contrast.
     */
    --lw-on-accent: var(--lw-accent-contrast, oklch(from var(--lw-accent) clamp(0, (0.6 - l) * 1000, 1) 0 0));
    --lw-background: #ffffff;
    --lw-foreground: #111827;
    --lw-muted: #4b5563;
    --lw-border: #d1d5db;
    --lw-danger: #b91c1c;
    --lw-success: #047857;
    --lw-radius: 12px;
    --lw-font: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    --lw-space: 16px;
    display: inline-block;
    font-family: var(--lw-font);
    color: var(--lw-foreground);
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }
  :host([theme='dark']) {
    ${dark}
  }
  :host([layout='compact']) {
    --lw-space: 12px;
  }
  :host([layout='compact']) .chain-name,
  :host([layout='compact']) [part='wallet-option'] .chain {
    padding: 0;
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  button {
    font: inherit;
    min-height: 44px;
    border-radius: calc(var(--lw-radius) * 0.75);
    cursor: pointer;
  }
  button:focus-visible {
    outline: 3px solid var(--lw-accent);
    outline-offset: 2px;
  }
  .primary {
    background: var(--lw-accent);
    color: var(--lw-on-accent);
    border: none;
    padding: 0 calc(var(--lw-space) * 1.25);
    font-weight: 600;
  }
  /* The two cards under the button, linked wallets and profile: one width, one padding, one heading style. */
  [part='wallets'],
  [part='profile'] {
    max-width: 420px;
    margin-bottom: calc(var(--lw-space) * 0.75);
    padding: var(--lw-space);
    background: var(--lw-background);
    border: 1px solid var(--lw-border);
    border-radius: var(--lw-radius);
  }
  [part='wallets'] h2,
  [part='profile'] h2 {
    font-size: 1.125rem;
    margin: 0 0 calc(var(--lw-space) * 0.5);
  }
  /*
   * Columns shared by every row (each row a subgrid): mark, chain name (gives way first,
   * with an ellipsis), address (monospace), copy, unlink. A confirmation takes a row of its own.
   */
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    /* One column that may be narrower than a row's content: long names give way, not the page. */
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--lw-space) * 0.5);
  }
  [part='wallets'] ul {
    grid-template-columns: auto minmax(0, 1fr) auto auto auto;
    column-gap: calc(var(--lw-space) * 0.5);
    row-gap: calc(var(--lw-space) * 0.25);
    align-items: center;
  }
  .wallet {
    display: grid;
    grid-column: 1 / -1;
    grid-template-columns: subgrid;
    align-items: center;
  }
  code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875rem;
    white-space: nowrap;
  }
  .chain-name {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .confirm {
    grid-column: 1 / -1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--lw-space) * 0.5);
  }
  .text {
    background: transparent;
    border: none;
    color: var(--lw-accent);
    padding: 0 calc(var(--lw-space) * 0.5);
    min-width: 44px;
  }
  .sign-out {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--lw-space) * 0.25);
  }
  .danger {
    background: var(--lw-danger);
    color: var(--lw-background);
    border: none;
    padding: 0 var(--lw-space);
  }
  [part='error'] {
    color: var(--lw-danger);
  }
  .hint {
    color: var(--lw-muted);
    font-size: 0.875rem;
    margin: calc(var(--lw-space) * 0.5) 0;
  }
  .notice {
    color: var(--lw-foreground);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`
