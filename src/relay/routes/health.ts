import { Hono } from 'hono'
import type { HealthResponse } from '../../protocol/relay.js'
import type { Store } from '../stores/types.js'

/** `GET /healthz` (the process answers) and `GET /readyz` (its store answers too). */
export function healthRoutes(store: Store) {
  return new Hono()
    .get('/healthz', (c) => c.json({ ok: true } satisfies HealthResponse))
    .get('/readyz', async (c) => {
      const storeOk = await store.ping().catch(() => false)
      const body: HealthResponse = { ok: storeOk, checks: { store: storeOk }, ...(storeOk ? {} : { failing: [`store (${store.kind})`] }) }
      return c.json(body, storeOk ? 200 : 503)
    })
}
