/** How far a wallet's or a host backend's clock may run ahead of the relay's. */
export const CLOCK_SKEW_MS = 60_000
