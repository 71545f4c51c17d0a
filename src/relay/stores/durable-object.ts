/**
 * The relay's shared state on Cloudflare Workers: Durable Objects, since KV cannot
 * take a value atomically. Every store operation touches one key, so keys are
 * spread over `shards` objects by a hash of the key; inside an object each
 * operation runs alone (a Durable Object serves one request's storage calls at a
 * time), which makes `setIfAbsent`, `take`, `deleteIf` and `increment` atomic.
 * Values are persisted in the object's storage with their expiry; expired ones
 * read as absent and an alarm sweeps them.
 */
import { storeUnavailable, type Store } from './types.js'

/** The little of the Durable Object API this store uses (workers-types has the full one). */
export interface DurableObjectStorageLike {
  get<T>(key: string): Promise<T | undefined>
  put(key: string, value: unknown): Promise<void>
  delete(key: string): Promise<boolean>
  list<T>(options?: { limit?: number; startAfter?: string }): Promise<Map<string, T>>
  getAlarm(): Promise<number | null>
  setAlarm(at: number): Promise<void>
}
export interface DurableObjectNamespaceLike {
  idFromName(name: string): unknown
  get(id: unknown): { fetch(request: Request): Promise<Response> }
}

type Entry = { v: string | string[]; e: number | null }
type Call = { op: keyof Store; key: string; args: unknown[] }

const SWEEP_EVERY_MS = 10 * 60_000

/** The Durable Object class: export it from your Worker and bind it (see wrangler.toml in the README). */
export class RelayStoreObject {
  private readonly storage: DurableObjectStorageLike

  constructor(state: { storage: DurableObjectStorageLike }, _env?: unknown) {
    this.storage = state.storage
  }

  async fetch(request: Request): Promise<Response> {
    const { op, key, args } = (await request.json()) as Call
    return Response.json({ result: await this.run(op, key, args) })
  }

  /** Deletes expired entries, a page at a time. */
  async alarm(): Promise<void> {
    const now = Date.now()
    let after: string | undefined
    for (;;) {
      const page = await this.storage.list<Entry>({ limit: 500, ...(after ? { startAfter: after } : {}) })
      for (const [key, entry] of page) if (entry.e !== null && entry.e <= now) await this.storage.delete(key)
      if (page.size < 500) break
      after = [...page.keys()].at(-1)
    }
  }

  private async live(key: string): Promise<Entry | undefined> {
    const entry = await this.storage.get<Entry>(key)
    if (entry && entry.e !== null && entry.e <= Date.now()) {
      await this.storage.delete(key)
      return undefined
    }
    return entry
  }

  private async write(key: string, v: Entry['v'], ttlMs: number | undefined): Promise<void> {
    await this.storage.put(key, { v, e: ttlMs === undefined ? null : Date.now() + ttlMs } satisfies Entry)
    if ((await this.storage.getAlarm()) === null) await this.storage.setAlarm(Date.now() + SWEEP_EVERY_MS)
  }

  private async run(op: Call['op'], key: string, args: unknown[]): Promise<unknown> {
    const text = async () => {
      const v = (await this.live(key))?.v
      return typeof v === 'string' ? v : undefined
    }
    switch (op) {
      case 'setIfAbsent':
        if (await this.live(key)) return false
        await this.write(key, args[0] as string, args[1] as number)
        return true
      case 'set':
        return this.write(key, args[0] as string, (args[1] as number | null) ?? undefined)
      case 'get':
        return text()
      case 'take': {
        const value = await text()
        await this.storage.delete(key)
        return value
      }
      case 'delete':
        await this.storage.delete(key)
        return null
      case 'deleteIf':
        if ((await text()) !== args[0]) return false
        await this.storage.delete(key)
        return true
      case 'increment': {
        const windowMs = args[0] as number
        const entry = await this.live(key)
        if (!entry || typeof entry.v !== 'string') {
          await this.write(key, '1', windowMs)
          return { count: 1, resetMs: windowMs }
        }
        const count = Number(entry.v) + 1
        await this.storage.put(key, { ...entry, v: String(count) } satisfies Entry)
        return { count, resetMs: (entry.e ?? Date.now()) - Date.now() }
      }
      case 'addToSet': {
        const [member, ttlMs] = args as [string, number]
        const entry = await this.live(key)
        const members = Array.isArray(entry?.v) ? new Set(entry.v) : new Set<string>()
        members.add(member)
        const e = Math.max(entry?.e ?? 0, Date.now() + ttlMs)
        await this.storage.put(key, { v: [...members], e } satisfies Entry)
        if ((await this.storage.getAlarm()) === null) await this.storage.setAlarm(Date.now() + SWEEP_EVERY_MS)
        return null
      }
      case 'setMembers': {
        const v = (await this.live(key))?.v
        return Array.isArray(v) ? v : []
      }
      case 'removeFromSet': {
        const entry = await this.live(key)
        if (entry && Array.isArray(entry.v)) await this.storage.put(key, { ...entry, v: entry.v.filter((m) => m !== args[0]) })
        return null
      }
      case 'ping':
        return true
      default:
        throw new Error(`unknown store operation ${String(op)}`)
    }
  }
}

/** FNV-1a: spreads keys over shards; not a security boundary. */
function shardOf(key: string, shards: number): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0
  return hash % shards
}

/** A `Store` over the `RelayStoreObject` namespace bound to the Worker. */
export function createDurableObjectStore(namespace: DurableObjectNamespaceLike, { shards = 8 }: { shards?: number } = {}): Store {
  const ids = Array.from({ length: shards }, (_, i) => namespace.idFromName(`link-wallet-store-${i}`))
  async function call<T>(op: Call['op'], key: string, ...args: unknown[]): Promise<T> {
    let response: Response
    try {
      // A stub is an I/O object of the request that made it: one per call.
      response = await namespace
        .get(ids[shardOf(key, shards)])
        .fetch(
          new Request('https://store.link-wallet.internal/', { method: 'POST', body: JSON.stringify({ op, key, args } satisfies Call) }),
        )
    } catch (cause) {
      throw storeUnavailable('durable-object', `${op}: ${String(cause)}`, cause)
    }
    if (!response.ok) throw storeUnavailable('durable-object', `${op} answered ${response.status}`)
    return ((await response.json()) as { result: T }).result
  }
  return {
    kind: 'durable-object',
    setIfAbsent: (key, value, ttlMs) => call('setIfAbsent', key, value, ttlMs),
    set: (key, value, ttlMs) => call('set', key, value, ttlMs ?? null),
    get: async (key) => (await call<string | null | undefined>('get', key)) ?? undefined,
    take: async (key) => (await call<string | null | undefined>('take', key)) ?? undefined,
    delete: (key) => call('delete', key),
    deleteIf: (key, value) => call('deleteIf', key, value),
    increment: (key, windowMs) => call('increment', key, windowMs),
    addToSet: (key, member, ttlMs) => call('addToSet', key, member, ttlMs),
    setMembers: (key) => call('setMembers', key),
    removeFromSet: (key, member) => call('removeFromSet', key, member),
    ping: async () => {
      try {
        return await call<boolean>('ping', 'ping')
      } catch {
        return false
      }
    },
    close: async () => {},
  }
}
