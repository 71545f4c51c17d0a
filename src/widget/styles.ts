import { css } from 'lit'

/**
 * Every colour, radius, font and spacing is a `--lw-*` custom property with a
 * default here; every meaningful node has a `part`. State shows on the host:
 * `link-wallet[state='signing']`.
 */
export const styles = css`
  :host {
    --lw-accent: #4f46e5;
    --lw-accent-contrast: #ffffff;
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
    :host {
      --lw-accent: #818cf8;
      --lw-accent-contrast: #0b1020;
      --lw-background: #111827;
      --lw-foreground: #f9fafb;
      --lw-muted: #d1d5db;
      --lw-border: #374151;
      --lw-danger: #fca5a5;
      --lw-success: #6ee7b7;
    }
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
    color: var(--lw-accent-contrast);
    border: none;
    padding: 0 calc(var(--lw-space) * 1.25);
    font-weight: 600;
  }
  .secondary {
    background: transparent;
    color: var(--lw-foreground);
    border: 1px solid var(--lw-border);
    padding: 0 var(--lw-space);
  }
  [part='wallets'] {
    margin-bottom: calc(var(--lw-space) * 0.75);
  }
  [part='wallets'] h2 {
    font-size: 0.875rem;
    color: var(--lw-muted);
    margin: 0 0 calc(var(--lw-space) * 0.5);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--lw-space) * 0.5);
  }
  .wallet {
    display: flex;
    gap: calc(var(--lw-space) * 0.5);
    align-items: center;
  }
  code {
    font-size: 0.875rem;
  }
  dialog {
    background: var(--lw-background);
    color: var(--lw-foreground);
    border: 1px solid var(--lw-border);
    border-radius: var(--lw-radius);
    padding: calc(var(--lw-space) * 1.25);
    width: min(92vw, 380px);
    box-sizing: border-box;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  header {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: var(--lw-space);
  }
  h2 {
    font-size: 1.125rem;
    margin: 0;
  }
  .close {
    background: transparent;
    border: none;
    color: var(--lw-foreground);
    min-width: 44px;
    font-size: 1.5rem;
    line-height: 1;
  }
  p {
    color: var(--lw-muted);
    line-height: 1.45;
  }
  [part='wallet-option'] {
    width: 100%;
    display: flex;
    align-items: center;
    gap: calc(var(--lw-space) * 0.75);
    padding: calc(var(--lw-space) * 0.5) calc(var(--lw-space) * 0.75);
    background: transparent;
    color: var(--lw-foreground);
    border: 1px solid var(--lw-border);
    text-align: start;
  }
  [part='wallet-option']:hover {
    border-color: var(--lw-accent);
  }
  [part='wallet-option'] img {
    width: 28px;
    height: 28px;
    border-radius: 6px;
  }
  .chain {
    margin-inline-start: auto;
    font-size: 0.75rem;
    color: var(--lw-muted);
  }
  [part='qr'] {
    margin: var(--lw-space) auto 0;
    text-align: center;
  }
  [part='qr'] svg {
    width: min(100%, 240px);
    height: auto;
    border-radius: calc(var(--lw-radius) * 0.5);
  }
  [part='qr'] a {
    display: inline-block;
    min-height: 44px;
    line-height: 44px;
    color: var(--lw-accent);
    font-weight: 600;
  }
  [part='error'] {
    color: var(--lw-danger);
  }
  .done {
    color: var(--lw-success);
    font-weight: 600;
  }
  .actions {
    display: flex;
    gap: calc(var(--lw-space) * 0.5);
    justify-content: flex-end;
    margin-top: var(--lw-space);
  }
  .busy::before {
    content: '';
    display: inline-block;
    width: 0.9em;
    height: 0.9em;
    margin-inline-end: 0.5em;
    vertical-align: -0.1em;
    border: 2px solid var(--lw-border);
    border-top-color: var(--lw-accent);
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .busy::before {
      animation: none;
    }
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
