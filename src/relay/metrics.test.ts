import { describe, expect, it } from 'vitest'
import { evmWallet } from '../../test/support/evm.js'
import { errorOf, harness } from '../../test/support/harness.js'
import { routeTemplate } from './metrics.js'

const TOKEN = 'scraper-token-0123456789'

describe('GET /metrics', () => {
  it('counts links and refusals and times upstream calls and store operations, for the token holder only', async () => {
    const h = harness({ env: { METRICS_TOKEN: TOKEN } })
    const wallet = evmWallet()
    expect((await h.linkEvm(wallet)).response.status).toBe(200)
    await h.post('/v1/link', { walletType: 'evm' })
    await h.post('/v1/link', { walletType: 'evm' })

    expect(await errorOf(await h.app.request('/metrics'))).toMatchObject({ status: 401, code: 'unauthorized' })
    expect((await h.app.request('/metrics', { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401)
    const response = await h.app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } })
    expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4')
    const text = await response.text()
    expect(text).toContain('link_wallet_links_total{wallet_type="evm"} 1')
    expect(text).toContain('link_wallet_refusals_total{code="invalid_request"} 2')
    expect(text).toMatch(/link_wallet_upstream_duration_seconds_count\{service="snag",endpoint="\/api\/users\/connect"\} 1/)
    expect(text).toMatch(/link_wallet_store_duration_seconds_count\{op="setIfAbsent",store="memory"\} \d+/)
    expect(text).toMatch(/link_wallet_request_duration_seconds_count\{method="POST",route="\/v1\/link",status="4xx"\} 2/)
    // Nothing that names a person or a secret.
    expect(text).not.toContain(wallet.address)
    expect(text).not.toContain(wallet.address.toLowerCase())
    expect(text).not.toContain(h.config.snag.apiKey)
  })

  it('does not exist without METRICS_TOKEN', async () => {
    expect(await errorOf(await harness().app.request('/metrics'))).toMatchObject({ status: 404, code: 'not_found' })
  })

  it('labels paths by template, never by id', () => {
    expect(routeTemplate('/api/users/9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f/metadatas')).toBe('/api/users/:id/metadatas')
    expect(routeTemplate('/api/groups/12345')).toBe('/api/groups/:id')
  })
})
