/**
 * The floor for the relay's `/v1/link` on this machine: the least any server can do
 * for the job. A bare `node:http` server that, on the same pre-signed proofs, runs
 * the same verifier, consumes the nonce from a `Map`, makes one
 * `POST /api/users/connect` to the same upstream over a keep-alive connection pool,
 * and answers a small JSON body. Nothing else: no CORS, no rate limits, no store,
 * no sessions, no account lookups, no logs.
 *
 * Challenges are issued the relay's way (`/v1/challenge`) so that the same proofs
 * answer them; issuing is not what is measured. FLOOR_VERIFY_ONLY=true leaves out the
 * upstream call: the verify-only figure, for reference.
 */
import { Agent, createServer, request, type IncomingMessage } from 'node:http'
import type { ChallengeRecord } from '../src/chains/server-face.js'
import { SERVER_CHAINS } from '../src/chains/server-registry.js'
import { nodeCrypto } from '../src/crypto/node.js'
import { LinkRequest } from '../src/protocol/relay.js'
import { SNAG_API_KEY_HEADER } from '../src/protocol/snag.js'
import { relayChains } from '../src/relay/chains.js'
import { createChallenges, toChallengeResponse } from '../src/relay/challenges.js'
import { loadConfig } from '../src/relay/config.js'
import { createRpc } from '../src/relay/rpc.js'
import { createMemoryStore } from '../src/relay/stores/memory.js'

const env = process.env
const ORIGIN = env.ALLOWED_ORIGINS ?? 'https://bench.example'
const config = loadConfig({ ...env, ALLOWED_ORIGINS: ORIGIN })
const upstream = new URL('api/users/connect', config.snag.apiUrl)
const challenges = createChallenges({
  store: createMemoryStore(),
  now: Date.now,
  ttlSeconds: 3600,
  statement: config.statement,
  secret: config.challengeSecret,
  allowedOrigins: config.allowedOrigins,
  crypto: nodeCrypto,
})
// The verifiers of chains whose accounts live on a chain (Ultra, Flow, Abstract, Immutable) ask its node, as the relay's do.
const chains = relayChains(Object.values(SERVER_CHAINS), config, { crypto: nodeCrypto, now: Date.now, rpc: createRpc(config.rpc) })
const nonces = new Map<string, ChallengeRecord>()
const pool = new Agent({ keepAlive: true, maxSockets: 64 })
/** FLOOR_VERIFY_ONLY=true: no upstream call (the figure issue 18 began from, for reference). */
const verifyOnly = env.FLOOR_VERIFY_ONLY === 'true'

const read = (message: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let body = ''
    message.setEncoding('utf8')
    message.on('data', (chunk: string) => (body += chunk))
    message.on('end', () => resolve(body))
    message.on('error', reject)
  })

/** One `POST /api/users/connect` over the pool: its status and JSON answer. */
function connect(body: unknown): Promise<{ status: number; body: { id?: string } }> {
  const payload = JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const call = request(
      upstream,
      {
        method: 'POST',
        agent: pool,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          [SNAG_API_KEY_HEADER]: config.snag.apiKey,
        },
      },
      (answer) => read(answer).then((text) => resolve({ status: answer.statusCode ?? 0, body: JSON.parse(text) }), reject),
    )
    call.on('error', reject)
    call.end(payload)
  })
}

async function link(text: string): Promise<[number, unknown]> {
  const linkRequest = LinkRequest.parse(JSON.parse(text))
  const { verifier } = chains.get(linkRequest.walletType)
  const nonce = verifier.nonceOf(linkRequest.verificationData)
  const challenge = nonces.get(nonce)
  if (!challenge) return [400, { error: 'challenge_unknown' }]
  nonces.delete(nonce)
  const verified = await verifier.verify(linkRequest.verificationData, { challenge, walletAddress: linkRequest.walletAddress })
  if (verifyOnly) return [200, { walletAddress: verified.walletAddress }]
  const answer = await connect({
    websiteId: config.snag.websiteId,
    organizationId: config.snag.organizationId,
    walletType: linkRequest.walletType,
    walletAddress: verified.walletAddress,
    verificationData: verified.proof ?? linkRequest.verificationData,
  })
  return answer.status === 200 ? [200, { userId: answer.body.id }] : [502, { error: 'upstream' }]
}

async function challenge(text: string, origin: string): Promise<[number, unknown]> {
  const body = JSON.parse(text) as { walletType: string; chainId?: number }
  const chainId = chains.get(body.walletType).verifier.challengeChainId(body.chainId)
  const record = await challenges.issue({ walletType: body.walletType, chainId }, origin)
  nonces.set(record.nonce, record)
  return [200, toChallengeResponse(record)]
}

const server = createServer((incoming, outgoing) => {
  read(incoming)
    .then((text): Promise<[number, unknown]> | [number, unknown] =>
      incoming.url === '/v1/link'
        ? link(text)
        : incoming.url === '/v1/challenge'
          ? challenge(text, incoming.headers.origin ?? ORIGIN)
          : [404, {}],
    )
    .catch((error: unknown) => [400, { error: String(error) }] as const)
    .then(([status, body]) => {
      const json = JSON.stringify(body)
      outgoing.writeHead(status as number, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) })
      outgoing.end(json)
    })
})
server.keepAliveTimeout = 60_000
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number }
  console.log(`bench floor listening on http://127.0.0.1:${address.port}`)
})
