import { css } from 'lit'

/** The dialog's styles, adopted with the panel when it first opens. */
export const panelStyles = css`
  .secondary {
    background: transparent;
    color: var(--lw-foreground);
    border: 1px solid var(--lw-border);
    padding: 0 var(--lw-space);
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
  dialog h2 {
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
  a[part='wallet-option'] {
    min-height: 44px;
    box-sizing: border-box;
    border-radius: calc(var(--lw-radius) * 0.75);
    text-decoration: none;
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
    flex: none;
    object-fit: contain;
    border-radius: 6px;
  }
  [part='wallet-option'] .name {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  [part='wallet-option'] .chain {
    flex: none;
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
  [part='qr'] figcaption a {
    display: inline-block;
    min-height: 44px;
    line-height: 44px;
    color: var(--lw-accent);
    font-weight: 600;
  }
  /* On a phone the wallet is on the same device: the link is the way, not the QR code. */
  @media (pointer: coarse) and (max-width: 600px) {
    [part='qr'] svg {
      display: none;
    }
    [part='qr'] figcaption a {
      background: var(--lw-accent);
      color: var(--lw-on-accent);
      border-radius: calc(var(--lw-radius) * 0.75);
      padding: 0 var(--lw-space);
      text-decoration: none;
    }
  }
  [part='qr'] figcaption {
    display: flex;
    justify-content: center;
    flex-wrap: wrap;
    gap: calc(var(--lw-space) * 0.5);
  }
  [part='qr-links'],
  [part='get-wallet'] {
    list-style: none;
    padding: 0;
    margin: calc(var(--lw-space) * 0.75) 0 0;
    display: grid;
    gap: calc(var(--lw-space) * 0.25);
  }
  [part='qr-links'] a,
  [part='get-wallet'] a {
    display: block;
    min-height: 44px;
    line-height: 44px;
    padding: 0 calc(var(--lw-space) * 0.75);
    border: 1px solid var(--lw-border);
    border-radius: calc(var(--lw-radius) * 0.75);
    color: var(--lw-accent);
    text-decoration: none;
  }
  /* A bottom sheet on narrow screens: the thumb reaches it, and the page stays visible above. */
  @media (max-width: 600px) {
    dialog {
      width: 100vw;
      max-width: 100vw;
      margin: auto 0 0;
      border-radius: var(--lw-radius) var(--lw-radius) 0 0;
      border-bottom: none;
      max-height: 88vh;
      overflow-y: auto;
      overscroll-behavior: contain;
    }
    dialog[open] {
      animation: lw-sheet 0.2s ease-out;
    }
  }
  @keyframes lw-sheet {
    from {
      transform: translateY(40%);
      opacity: 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    dialog[open] {
      animation: none;
    }
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
`
