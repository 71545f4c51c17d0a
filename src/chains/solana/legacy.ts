/** Injected Solana providers from before the Wallet Standard (`window.phantom.solana`, `window.solana`). */
export type LegacySolanaProvider = {
  isPhantom?: boolean
  connect(): Promise<{ publicKey: { toString(): string } }>
  signMessage(message: Uint8Array, display?: 'utf8' | 'hex'): Promise<{ signature: Uint8Array }>
}

type LegacyWindow = Window & { phantom?: { solana?: LegacySolanaProvider }; solana?: LegacySolanaProvider }

export function legacySolanaProvider(): LegacySolanaProvider | undefined {
  const w = window as LegacyWindow
  const provider = w.phantom?.solana ?? w.solana
  return typeof provider?.connect === 'function' && typeof provider.signMessage === 'function' ? provider : undefined
}
