import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { createTonConnectBridge } from './tonconnect-bridge.js'

const id = (n: number) => n.toString(16).padStart(64, '0')
const [PAGE, WALLET, OTHER] = [id(1), id(2), id(3)]

function setup() {
  let time = 1_000_000
  const bridge = createTonConnectBridge({ now: () => time, heartbeatMs: 50 })
  // Mounted as the hosted demo mounts it: under the emulator's prefix.
  const app = new Hono().route('/emulator/tonconnect', bridge.app)
  const post = (query: string, body = 'c2VhbGVk') =>
    app.request(`http://emu.test/emulator/tonconnect/bridge/message?${query}`, { method: 'POST', body })
  const listen = (query: string, headers: Record<string, string> = {}) =>
    app.request(`http://emu.test/emulator/tonconnect/bridge/events?${query}`, { headers })
  return { app, bridge, post, listen, advance: (ms: number) => (time += ms) }
}

/** The stream's events until `count` messages came (or it ended), as `{ id, data }`. */
async function messages(response: Response, count: number) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let text = ''
  const found = () => text.split('\n\n').filter((block) => block.startsWith('event: message'))
  while (found().length < count) {
    const { value, done } = await reader.read()
    if (done) break
    text += value
  }
  await reader.cancel()
  return found().map((block) => ({
    id: Number(/^id: (\d+)$/m.exec(block)![1]),
    data: JSON.parse(/^data: (.*)$/m.exec(block)![1]!) as { from: string; message: string },
  }))
}

describe('emulated TON Connect bridge', () => {
  it('delivers what was sent before the page listened, then what is sent while it does, to its clients only', async () => {
    const { post, listen } = setup()
    expect(await (await post(`client_id=${WALLET}&to=${PAGE}&ttl=300`, 'Zmlyc3Q=')).json()).toEqual({ message: 'OK', statusCode: 200 })
    await post(`client_id=${WALLET}&to=${OTHER}`, 'bm90IHlvdXJz')
    const stream = await listen(`client_id=${PAGE}`)
    expect(stream.headers.get('content-type')).toBe('text/event-stream')
    const later = post(`client_id=${WALLET}&to=${PAGE}`, 'c2Vjb25k')
    const got = await messages(stream, 2)
    await later
    expect(got.map((event) => event.data)).toEqual([
      { from: WALLET, message: 'Zmlyc3Q=' },
      { from: WALLET, message: 'c2Vjb25k' },
    ])
  })

  it('resumes after the last event the page saw, and forgets messages past their TTL', async () => {
    const { post, listen, advance } = setup()
    await post(`client_id=${WALLET}&to=${PAGE}&ttl=60`, 'b25l')
    await post(`client_id=${WALLET}&to=${PAGE}&ttl=300`, 'dHdv')
    const [first] = await messages(await listen(`client_id=${PAGE}`), 1)
    const [resumed] = await messages(await listen(`client_id=${PAGE}`, { 'last-event-id': String(first!.id) }), 1)
    expect(resumed!.data.message).toBe('dHdv')
    advance(61_000)
    const [after] = await messages(await listen(`client_id=${PAGE}&last_event_id=0`), 1)
    expect(after!.data.message).toBe('dHdv')
  })

  it('refuses malformed ids, TTLs and bodies with the bridge’s own answers', async () => {
    const { post, listen } = setup()
    const answer = async (response: Response | Promise<Response>) => {
      const r = await response
      return [r.status, ((await r.json()) as { message: string }).message]
    }
    expect(await answer(listen('client_id='))).toEqual([400, 'client_id must be 1 to 8 hex ids of 64 characters'])
    expect(await answer(listen(`client_id=${PAGE},nothex`))).toEqual([400, 'client_id must be 1 to 8 hex ids of 64 characters'])
    expect(await answer(post(`client_id=${WALLET}&to=page`))).toEqual([400, 'client_id and to must be hex ids of 64 characters'])
    expect(await answer(post(`client_id=${WALLET}&to=${PAGE}&ttl=301`))).toEqual([
      400,
      'ttl must be a whole number of seconds from 1 to 300',
    ])
    expect(await answer(post(`client_id=${WALLET}&to=${PAGE}`, 'not base64!'))).toEqual([
      400,
      'the body must be the base64 of an encrypted message',
    ])
    expect(await answer(post(`client_id=${WALLET}&to=${PAGE}`, 'A'.repeat(9000)))).toEqual([413, 'a message is at most 8192 characters'])
  })

  it('holds a bounded number of messages for one client', async () => {
    const { post, advance } = setup()
    for (let i = 0; i < 16; i++) expect((await post(`client_id=${WALLET}&to=${PAGE}&ttl=10`)).status).toBe(200)
    const full = await post(`client_id=${WALLET}&to=${PAGE}`)
    expect([full.status, await full.json()]).toEqual([429, { message: 'too many messages waiting; try again later', statusCode: 429 }])
    expect((await post(`client_id=${WALLET}&to=${OTHER}`)).status).toBe(200)
    advance(10_001)
    expect((await post(`client_id=${WALLET}&to=${PAGE}`)).status).toBe(200)
  })

  it('sends heartbeats, and ends its open streams when closed', async () => {
    const { bridge, listen } = setup()
    const stream = await listen(`client_id=${PAGE}`)
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader()
    let text = ''
    while (!text.includes('event: heartbeat\ndata: heartbeat')) text += (await reader.read()).value ?? ''
    bridge.close()
    let done = false
    while (!done) done = (await reader.read()).done
    expect(done).toBe(true)
  })

  it('lists one wallet, the simulated phone, on this bridge, as a proxy in front names it (X-Forwarded-Proto, -Host)', async () => {
    const { app } = setup()
    const list = async (headers: Record<string, string> = {}) =>
      (await (await app.request('http://emu.test/emulator/tonconnect/wallets-v2.json', { headers })).json()) as {
        name: string
        bridge: { type: string; url: string }[]
      }[]
    const [wallet] = await list()
    expect(wallet).toMatchObject({ name: 'Simulated phone', bridge: [{ type: 'sse', url: 'http://emu.test/emulator/tonconnect/bridge' }] })
    expect((await list({ 'x-forwarded-proto': 'https' }))[0]!.bridge[0]!.url).toBe('https://emu.test/emulator/tonconnect/bridge')
    const proxied = await list({ 'x-forwarded-proto': 'https, http', 'x-forwarded-host': 'demo.example, internal:8080' })
    expect(proxied[0]!.bridge[0]!.url).toBe('https://demo.example/emulator/tonconnect/bridge')
    // Not a host name: ignored.
    expect((await list({ 'x-forwarded-host': 'evil.example/path?' }))[0]!.bridge[0]!.url).toBe('http://emu.test/emulator/tonconnect/bridge')
  })
})
