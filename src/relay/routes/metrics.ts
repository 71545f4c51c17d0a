/** `GET /metrics`: Prometheus text for a scraper that sends `Authorization: Bearer <METRICS_TOKEN>`. */
import { Hono } from 'hono'
import { sha256Hex, type CryptoPort } from '../../crypto/port.js'
import { RelayError } from '../../protocol/errors.js'
import type { RelayEnv } from '../env.js'
import type { Metrics } from '../metrics.js'

export function metricsRoute(metrics: Metrics, token: string, crypto: CryptoPort) {
  // Compared as digests, so the comparison takes as long whatever the guess.
  const expected = sha256Hex(crypto, token)
  return new Hono<RelayEnv>().get('/metrics', async (c) => {
    const sent = c.req.header('authorization')?.match(/^Bearer (.+)$/)?.[1] ?? ''
    if ((await sha256Hex(crypto, sent)) !== (await expected))
      throw new RelayError('unauthorized', { message: 'Send the metrics token as Authorization: Bearer <METRICS_TOKEN>.' })
    return c.text(metrics.render(), 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' })
  })
}
