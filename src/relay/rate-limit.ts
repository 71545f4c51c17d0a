/**
 * Fixed-window rate limits in the relay's store (so several instances on one
 * Redis share them): per client IP and per wallet address, on the routes that
 * issue challenges and verify proofs.
 */
import type { Context } from 'hono'
import { RelayError } from '../protocol/errors.js'
import type { Store } from './stores/types.js'

const WINDOW_MS = 60_000

export type RateLimiter = ReturnType<typeof createRateLimiter>

export function createRateLimiter(store: Store, limits: { ipPerMinute: number; walletPerMinute: number }) {
  async function hit(key: string, limit: number): Promise<void> {
    const { count, resetMs } = await store.increment(`lw:rate:${key}`, WINDOW_MS)
    if (count > limit) throw new RelayError('rate_limited', { retryAfter: Math.max(1, Math.ceil(resetMs / 1000)), details: key })
  }
  return {
    /** Counts a request from `ip` against `scope` (the route). */
    ip: (scope: string, ip: string | undefined) => (ip ? hit(`ip:${scope}:${ip}`, limits.ipPerMinute) : Promise.resolve()),
    /** Counts a request naming `address` against `scope`. EVM addresses count case-insensitively. */
    wallet: (scope: string, walletType: string, address: string | undefined) =>
      address ? hit(`wallet:${scope}:${walletType}:${walletType === 'evm' ? address.toLowerCase() : address}`, limits.walletPerMinute) : Promise.resolve(),
  }
}

/** How the relay learns a request's client address (from the socket, on Node; injected in tests). */
export type ClientIp = (c: Context) => string | undefined

/**
 * The client's address given the socket's peer and `hops` trusted proxies in
 * front: each proxy appends the address it saw to X-Forwarded-For, so the client
 * is the `hops`-th entry from the right. A raw X-Forwarded-For is never trusted.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | undefined, hops: number): string | undefined {
  if (hops === 0 || !forwardedFor) return peer
  const chain = forwardedFor.split(',').map((entry) => entry.trim()).filter(Boolean)
  return chain[chain.length - hops] ?? peer
}
