import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { LIMITS, startWalletConnectRelay, type WalletConnectRelay } from './walletconnect-relay.js'

const topic = (n: number) => n.toString(16).padStart(64, '0')
type Frame = {
  id: number
  result?: unknown
  error?: { code: number; message: string }
  method?: string
  params?: { data: { message: string } }
}

let relay: WalletConnectRelay | undefined
let time = 1_000_000
afterEach(async () => {
  await relay?.close()
  relay = undefined
})

async function start() {
  relay = await startWalletConnectRelay({ now: () => time })
  return relay
}

/** A client speaking the relay's JSON-RPC: `call` answers the result or the error; `inbox` holds what was delivered. */
async function client(url: string) {
  const socket = new WebSocket(url)
  const inbox: string[] = []
  const waiting = new Map<number, (frame: Frame) => void>()
  let next = 0
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data)) as Frame
    if (frame.method) {
      inbox.push(frame.params!.data.message)
      socket.send(JSON.stringify({ id: frame.id, jsonrpc: '2.0', result: true }))
    } else waiting.get(frame.id)?.(frame)
  })
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)))
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
  const call = (method: string, params: unknown) =>
    new Promise<Frame>((resolve) => {
      const id = ++next
      waiting.set(id, resolve)
      socket.send(JSON.stringify({ id, jsonrpc: '2.0', method, params }))
    })
  const publish = (t: string, message: string, extra: Record<string, unknown> = {}) =>
    call('irn_publish', { topic: t, message, ttl: 300, tag: 1108, ...extra })
  return { socket, inbox, call, publish, closed }
}

describe('emulated WalletConnect relay', () => {
  it('delivers to the topic’s other subscribers, keeps mail for a later one, and never twice', async () => {
    const { url, sizes } = await start()
    const [page, phone, late] = await Promise.all([client(url), client(url), client(url)])
    await page.call('irn_subscribe', { topic: topic(1) })
    expect(await phone.publish(topic(1), 'hello')).toMatchObject({ result: true })
    expect(await phone.publish(topic(1), 'hello')).toMatchObject({ result: true }) // a retry of the same message
    await expect.poll(() => page.inbox).toEqual(['hello'])
    expect(phone.inbox).toEqual([])
    await late.call('irn_subscribe', { topic: topic(1) })
    await expect.poll(() => late.inbox).toEqual(['hello'])
    expect(await late.call('irn_batchFetchMessages', { topics: [topic(1)] })).toMatchObject({ result: { messages: [] } })
    await page.call('irn_unsubscribe', { topic: topic(1) })
    late.socket.close()
    await late.closed
    await expect.poll(() => sizes().subscribed).toBe(0)
  })

  it('keeps mail at most five minutes, whatever the TTL asked', async () => {
    const { url, sizes } = await start()
    const phone = await client(url)
    await phone.publish(topic(2), 'a day', { ttl: 86_400 })
    time += LIMITS.mailboxSeconds * 1000
    const page = await client(url)
    await page.call('irn_subscribe', { topic: topic(2) })
    expect(await page.call('irn_batchFetchMessages', { topics: [topic(2)] })).toMatchObject({ result: { messages: [] } })
    await phone.publish(topic(3), 'next')
    expect(sizes()).toMatchObject({ topics: 1, count: 1 })
  })

  it('refuses what is malformed or too large, with the error the real relay gives, and stays up', async () => {
    const { url } = await start()
    const c = await client(url)
    const refusal = async (frame: Promise<Frame>) => (await frame).error
    expect(await refusal(c.call('irn_subscribe', { topic: 'not-a-topic' }))).toEqual({
      code: -32602,
      message: 'Invalid topic: 64 hex characters expected',
    })
    expect(await refusal(c.call('irn_subscribe', {}))).toMatchObject({ code: -32602 })
    expect(await refusal(c.call('irn_batchSubscribe', { topics: 'x' }))).toMatchObject({ code: -32602 })
    expect(await refusal(c.call('irn_batchSubscribe', { topics: Array.from({ length: 501 }, (_, i) => topic(i)) }))).toMatchObject({
      code: -32602,
    })
    expect(await refusal(c.publish(topic(1), 'x', { ttl: 'soon' }))).toMatchObject({ code: -32602 })
    expect(await refusal(c.publish(topic(1), 'x'.repeat(LIMITS.messageChars + 1)))).toEqual({
      code: -32602,
      message: `Payload size limit exceeded. Maximum size for tag 1108 is ${LIMITS.messageChars}`,
    })
    expect(await refusal(c.call('irn_nothing', {}))).toMatchObject({ code: -32601 })
    expect(await refusal(c.call('irn_batchPublish', { messages: [null] }))).toMatchObject({ code: -32602 })
    expect(await c.call('irn_subscribe', { topic: topic(1) })).toMatchObject({ result: expect.any(String) })
  })

  it('bounds the mail kept per topic and in all, and the subscriptions per connection', async () => {
    const { url, sizes } = await start()
    const c = await client(url)
    for (let i = 0; i < LIMITS.mailboxPerTopic; i++) expect(await c.publish(topic(1), `m${i}`)).toMatchObject({ result: true })
    expect((await c.publish(topic(1), 'one more')).error).toEqual({ code: -32000, message: 'Too many messages waiting: try again later' })
    expect(await c.publish(topic(1), 'm0')).toMatchObject({ result: true }) // a retry of one kept is no new message
    const big = 'x'.repeat(LIMITS.messageChars)
    let refused: Frame['error']
    for (let i = 2; !refused && i < 200; i++) refused = (await c.publish(topic(i), big)).error
    expect(refused).toMatchObject({ code: -32000 })
    expect(sizes().chars).toBeLessThanOrEqual(LIMITS.mailboxChars)
    expect(sizes().chars).toBeGreaterThan(LIMITS.mailboxChars - LIMITS.messageChars)
    time += LIMITS.mailboxSeconds * 1000 // everything expires: room again
    expect(await c.publish(topic(1), 'later')).toMatchObject({ result: true })
    expect(sizes().count).toBe(1)
    for (let i = 0; i < LIMITS.subscriptionsPerSocket; i++) await c.call('irn_subscribe', { topic: topic(1000 + i) })
    expect((await c.call('irn_subscribe', { topic: topic(5000) })).error).toMatchObject({ code: -32000 })
    expect(await c.call('irn_subscribe', { topic: topic(1000) })).toMatchObject({ result: expect.any(String) }) // one it has
  })

  it('closes connections past its limit, saying so', async () => {
    const { url, sizes } = await start()
    const open = await Promise.all(Array.from({ length: LIMITS.sockets }, () => client(url)))
    const extra = await client(url)
    expect(await extra.closed).toBe(1013)
    await expect.poll(() => sizes().sockets).toBe(LIMITS.sockets)
    open[0]!.socket.close()
    await open[0]!.closed
    const again = await client(url)
    expect(await again.call('irn_subscribe', { topic: topic(1) })).toMatchObject({ result: expect.any(String) })
  })
})
