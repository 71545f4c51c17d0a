/**
 * Fixed-window rate limits in the relay's store (so several instances on one
 * Redis share them), per minute:
 *
 * - per client address on every route that does work, an IPv6 client counted by
 *   its /64 (one subscriber's prefix; otherwise the addresses are unlimited);
 * - per session on the session's routes, so one session cannot spend the
 *   operator's Snag quota;
 * - per wallet, on its canonical address, charged only once its proof has
 *   verified: only the key's holder can spend a wallet's budget, so nobody can
 *   lock someone else's wallet out with junk naming it.
 */
import type { Context } from 'hono'
import { RelayError } from '../protocol/errors.js'
import type { Store } from './stores/types.js'

const WINDOW_MS = 60_000

export type RateLimits = { ipPerMinute: number; walletPerMinute: number; sessionPerMinute: number }

export type RateLimiter = ReturnType<typeof createRateLimiter>

/** The bucket a client address counts in: an IPv4 address, or an IPv6 address's /64 prefix. */
export function addressBucket(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return mapped[1]!
  if (!address.includes(':')) return address
  const [head = '', tail] = address.toLowerCase().split('%')[0]!.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}

export function createRateLimiter(store: Store, limits: RateLimits) {
  async function hit(key: string, limit: number): Promise<void> {
    const { count, resetMs } = await store.increment(`lw:rate:${key}`, WINDOW_MS)
    if (count > limit)
      throw new RelayError('rate_limited', {
        retryAfter: Math.max(1, Math.ceil(resetMs / 1000)),
        details: key.split(':').slice(0, 2).join(':'),
      })
  }
  return {
    /** Counts a request from `ip` against `scope` (the route); requests from an unknown address share one count. */
    ip: (scope: string, ip: string | undefined) => hit(`ip:${scope}:${ip ? addressBucket(ip) : 'unknown'}`, limits.ipPerMinute),
    /** Counts a verified proof of the wallet at `canonicalAddress`. */
    wallet: (walletType: string, canonicalAddress: string) => hit(`wallet:${walletType}:${canonicalAddress}`, limits.walletPerMinute),
    /** Counts a request made with the session `sessionId`, on any of its routes. */
    session: (sessionId: string) => hit(`session:${sessionId}`, limits.sessionPerMinute),
  }
}

/** How the relay learns a request's client address (from the socket, on Node; injected in tests). */
export type ClientIp = (c: Context) => string | undefined

/**
 * A runtime's client address: `peer` reads the connection's (from the runtime's
 * bindings in `c.env`), and `hops` trusted proxies' X-Forwarded-For entries are
 * followed. Unknown, rather than a crash, when the runtime cannot say.
 */
export function peerClientIp(peer: (c: Context) => string | undefined, hops: number): ClientIp {
  return (c) => {
    let address: string | undefined
    try {
      address = peer(c)
    } catch {
      address = undefined
    }
    return clientAddress(address, c.req.header('x-forwarded-for'), hops)
  }
}

/**
 * The client's address given the socket's peer and `hops` trusted proxies in
 * front: each proxy appends the address it saw to X-Forwarded-For, so the client
 * is the `hops`-th entry from the right. A raw X-Forwarded-For is never trusted.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | undefined, hops: number): string | undefined {
  if (hops === 0 || !forwardedFor) return peer
  const chain = forwardedFor
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  return chain[chain.length - hops] ?? peer
}
