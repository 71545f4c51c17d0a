/** Inline SVG icons for the demo wallets (no network needed). */
const svg = (fill: string, letter: string) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="${fill}"/><text x="16" y="22" font-family="sans-serif" font-size="16" font-weight="700" fill="#fff" text-anchor="middle">${letter}</text></svg>`,
  )}`

export const icons = {
  evm: svg('#4f46e5', 'E'),
  solana: svg('#7c3aed', 'S'),
  ton: svg('#0284c7', 'T'),
  sui: svg('#2563eb', 'Su'),
  cosmos: svg('#334155', 'C'),
  substrate: svg('#db2777', 'P'),
  agw: svg('#15803d', 'A'),
  imx: svg('#0f172a', 'I'),
  ultra: svg('#6d28d9', 'U'),
  flow: svg('#059669', 'F'),
}
