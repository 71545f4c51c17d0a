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
  /*
   * The name, then the chain's badge at the end of the line; where both do not fit, the badge
   * goes under the name rather than cutting it. A name longer than two lines ends with an ellipsis.
   */
  [part='wallet-option'] .label {
    flex: 1;
    min-width: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 2px calc(var(--lw-space) * 0.5);
  }
  [part='wallet-option'] .name {
    min-width: 0;
    overflow: hidden;
    overflow-wrap: anywhere;
    text-overflow: ellipsis;
    line-height: 1.3;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-clamp: 2;
  }
  [part='wallet-option'] .glyph {
    flex: none;
    display: grid;
    place-items: center;
    width: 28px;
    height: 28px;
    color: var(--lw-muted);
  }
  /* The chain as a small badge; its row's label places it. */
  .chain {
    flex: none;
    font-size: 0.6875rem;
    line-height: 1.6;
    padding: 0 0.6em;
    border-radius: 999px;
    background: color-mix(in srgb, var(--lw-muted) 12%, transparent);
    color: var(--lw-muted);
    white-space: nowrap;
  }
  /* The wallet being asked, large, in a ring that turns while it works. */
  .progress {
    position: relative;
    width: 72px;
    height: 72px;
    margin: var(--lw-space) auto calc(var(--lw-space) * 0.5);
    display: grid;
    place-items: center;
    color: var(--lw-foreground);
  }
  .progress img,
  .progress svg {
    width: 48px;
    height: 48px;
    border-radius: 12px;
  }
  .continue {
    margin: 0 0 calc(var(--lw-space) * 0.5);
    text-align: center;
    font-size: 1.05em;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .progress::before {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: 50%;
    border: 3px solid var(--lw-border);
    border-top-color: var(--lw-accent);
    animation: spin 1s linear infinite;
  }
  /* Success and failure carry a mark, not only a colour. */
  .done::before,
  [part='error']::before {
    content: '';
    display: inline-block;
    width: 1.1em;
    height: 1.1em;
    margin-inline-end: 0.4em;
    vertical-align: -0.2em;
    background: currentColor;
    -webkit-mask: var(--mark) center / contain no-repeat;
    mask: var(--mark) center / contain no-repeat;
  }
  .done::before {
    --mark: url('data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><path d="M8 0a8 8 0 1 1 0 16A8 8 0 0 1 8 0zm3.5 4.6L6.8 9.3 4.5 7l-1.1 1.1 3.4 3.4 5.8-5.8z"/></svg>');
  }
  [part='error']::before {
    --mark: url('data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><path d="M8 0a8 8 0 1 1 0 16A8 8 0 0 1 8 0zM7 3.5v6h2v-6zm0 7.5v2h2v-2z"/></svg>');
  }
  /* Each step arrives with a short fade, the dialog with a rise; never under reduced motion. */
  @media (prefers-reduced-motion: no-preference) {
    .step {
      animation: lw-fade 0.16s ease-out;
    }
  }
  @media (prefers-reduced-motion: no-preference) and (min-width: 601px) {
    dialog[open] {
      animation: lw-rise 0.18s ease-out;
    }
  }
  @keyframes lw-fade {
    from {
      opacity: 0;
    }
  }
  @keyframes lw-rise {
    from {
      opacity: 0;
      transform: translateY(8px) scale(0.98);
    }
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
    .busy::before,
    .progress::before {
      animation: none;
    }
  }
`
