/**
 * The strings the element shows before any catalog has loaded: its button's, in
 * English. Every catalog, English too, loads on demand; `en.ts` takes these from here.
 */
export const firstPaint = {
  linkWallet: 'Link a wallet',
  linkAnother: 'Link another wallet',
} as const
