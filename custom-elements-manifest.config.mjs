/** `npm run build` writes dist/custom-elements.json from the element's JSDoc (its public contract). */
export default {
  globs: ['src/widget/link-wallet.ts', 'src/widget/events.ts', 'src/widget/define.ts', 'src/widget/register.ts'],
  outdir: 'dist',
  litelement: true,
}
