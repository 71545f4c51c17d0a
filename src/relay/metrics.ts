/**
 * Prometheus metrics for one relay instance (one isolate on Workers), served at
 * `GET /metrics` in the text exposition format to a scraper holding METRICS_TOKEN.
 * Labels take values from closed sets only (wallet types, error codes, services,
 * route templates, store operations), never an address, id or key.
 */
import type { MiddlewareHandler } from 'hono'
import type { FetchLike, Transport } from '../upstream/http.js'
import type { RelayEnv } from './env.js'
import type { Store } from './stores/types.js'

type Labels = Record<string, string>
const STORE_OPERATIONS = [
  'setIfAbsent',
  'set',
  'get',
  'take',
  'delete',
  'deleteIf',
  'increment',
  'addToSet',
  'setMembers',
  'removeFromSet',
  'ping',
] as const satisfies readonly (keyof Store)[]
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

const key = (labels: Labels) =>
  Object.entries(labels)
    .map(([name, value]) => `${name}="${value.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`))}"`)
    .join(',')

const MAX_KEYS = 1024
/**
 * `compute`, remembered per input (named by `idOf`) up to MAX_KEYS inputs: the inputs
 * here (label sets, upstream paths) come from closed sets, so this stays small.
 */
function remembered<T>(idOf: (input: T) => string, compute: (input: T) => string): (input: T) => string {
  const cache = new Map<string, string>()
  return (input) => {
    const id = idOf(input)
    let value = cache.get(id)
    if (value === undefined) {
      value = compute(input)
      if (cache.size < MAX_KEYS) cache.set(id, value)
    }
    return value
  }
}

/** The rendered key of `labels`, rendered once per label set (named by its names and values, joined by characters neither holds). */
const keyOf = remembered((labels: Labels) => {
  let id = ''
  for (const name in labels) id += `${name}\u0000${labels[name]}\u0001`
  return id
}, key)

class Counter {
  private readonly values = new Map<string, number>()
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  inc(labels: Labels = {}, by = 1) {
    const k = keyOf(labels)
    this.values.set(k, (this.values.get(k) ?? 0) + by)
  }
  render(): string[] {
    return [...this.values].map(([labels, value]) => `${this.name}${labels ? `{${labels}}` : ''} ${value}`)
  }
}

class Histogram {
  private readonly series = new Map<string, { counts: number[]; sum: number; count: number }>()
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  observe(labels: Labels, seconds: number) {
    const k = keyOf(labels)
    let s = this.series.get(k)
    if (!s) {
      s = { counts: BUCKETS.map(() => 0), sum: 0, count: 0 }
      this.series.set(k, s)
    }
    for (let i = BUCKETS.length - 1; i >= 0 && seconds <= BUCKETS[i]!; i--) s.counts[i]!++
    s.sum += seconds
    s.count++
  }
  render(): string[] {
    return [...this.series].flatMap(([labels, s]) => {
      const withLe = (le: string) => `{${labels ? `${labels},` : ''}le="${le}"}`
      return [
        ...BUCKETS.map((bound, i) => `${this.name}_bucket${withLe(String(bound))} ${s.counts[i]}`),
        `${this.name}_bucket${withLe('+Inf')} ${s.count}`,
        `${this.name}_sum${labels ? `{${labels}}` : ''} ${s.sum}`,
        `${this.name}_count${labels ? `{${labels}}` : ''} ${s.count}`,
      ]
    })
  }
}

/** A path with its ids (UUIDs, numbers, long hex or base58 tokens) replaced by `:id`. */
export function routeTemplate(path: string): string {
  return path
    .split('/')
    .map((segment) => (/^[0-9a-f-]{32,36}$|^\d+$|^[A-Za-z0-9_-]{24,}$/i.test(segment) ? ':id' : segment))
    .join('/')
}

/** `routeTemplate`, remembered for the few paths the upstream clients call. */
const templateOf = remembered((path: string) => path, routeTemplate)

export function createMetrics() {
  const links = new Counter('link_wallet_links_total', 'Wallets linked, by wallet type.')
  const refusals = new Counter('link_wallet_refusals_total', 'Requests answered with an error, by error code.')
  const requests = new Histogram('link_wallet_request_duration_seconds', 'Relay requests, by method, route and status class.')
  const upstream = new Histogram('link_wallet_upstream_duration_seconds', 'Calls to Snag, Velt and chain RPCs, by service and endpoint.')
  const upstreamFailures = new Counter('link_wallet_upstream_failures_total', 'Calls that failed in transport or answered 5xx or 429.')
  const store = new Histogram('link_wallet_store_duration_seconds', 'Store operations, by operation.')
  const storeFailures = new Counter('link_wallet_store_failures_total', 'Store operations that failed, by operation.')
  const all = [links, refusals, requests, upstream, upstreamFailures, store, storeFailures]

  /** One upstream call, timed; a 5xx or 429 answer and a failure in transport are counted. */
  async function timedCall<T extends { status: number }>(
    labels: { service: string; endpoint: string },
    call: () => Promise<T>,
  ): Promise<T> {
    const started = performance.now()
    try {
      const answer = await call()
      if (answer.status >= 500 || answer.status === 429) upstreamFailures.inc({ ...labels, reason: String(answer.status) })
      return answer
    } catch (error) {
      upstreamFailures.inc({ ...labels, reason: 'transport' })
      throw error
    } finally {
      upstream.observe(labels, (performance.now() - started) / 1000)
    }
  }

  return {
    /** Times every request and counts its refusal code. */
    middleware(): MiddlewareHandler<RelayEnv> {
      return async (c, next) => {
        const started = performance.now()
        await next()
        const code = c.get('errorCode')
        if (code) refusals.inc({ code })
        const linked = c.get('linked')
        if (linked) links.inc({ wallet_type: linked })
        requests.observe(
          {
            method: c.req.method,
            route: c.req.routePath && c.req.routePath !== '*' ? c.req.routePath : routeTemplate(c.req.path),
            status: `${String(c.res.status)[0]}xx`,
          },
          (performance.now() - started) / 1000,
        )
      }
    },

    /** `fetch`, timed under `service` (snag, velt, rpc). */
    timedFetch(service: string, fetch: FetchLike = globalThis.fetch): FetchLike {
      return (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input))
        return timedCall({ service, endpoint: service === 'rpc' ? 'json-rpc' : routeTemplate(url.pathname) }, () => fetch(input, init))
      }
    },

    /** A transport, timed under `service` (snag, velt). */
    timedTransport(service: string, transport: Transport): Transport {
      return (call) => timedCall({ service, endpoint: templateOf(call.url.pathname) }, () => transport(call))
    },

    /** `inner`, every operation timed and its failures counted. */
    timedStore(inner: Store): Store {
      const timed: Store = { ...inner }
      for (const op of STORE_OPERATIONS) {
        const original = inner[op]
        ;(timed as unknown as Record<string, unknown>)[op] = async (...args: unknown[]) => {
          const started = performance.now()
          try {
            return await (original as (...a: unknown[]) => Promise<unknown>).apply(inner, args)
          } catch (error) {
            storeFailures.inc({ op, store: inner.kind })
            throw error
          } finally {
            store.observe({ op, store: inner.kind }, (performance.now() - started) / 1000)
          }
        }
      }
      return timed
    },

    render(): string {
      return `${all
        .flatMap((metric) => [
          `# HELP ${metric.name} ${metric.help}`,
          `# TYPE ${metric.name} ${metric instanceof Counter ? 'counter' : 'histogram'}`,
          ...metric.render(),
        ])
        .join('\n')}\n`
    },
  }
}

export type Metrics = ReturnType<typeof createMetrics>
