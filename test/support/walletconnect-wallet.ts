/**
 * A phone wallet in Node, built with WalletConnect's own wallet SDK (@reown/walletkit)
 * and real keys (viem for EVM, node:crypto ed25519 for Solana), reaching the page
 * through the relay stand-in. `behaviour` says how it answers: signing in during
 * pairing (One-Click Auth), pairing only and then signing `personal_sign`, or refusing.
 */
import { Core } from '@walletconnect/core'
import { WalletKit } from '@reown/walletkit'
import { buildApprovedNamespaces, buildAuthObject } from '@walletconnect/utils'
import { base58 } from '@scure/base'
import { hexToString, isHex, type Hex } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { solanaWallet } from './solana.js'

export type WalletBehaviour = 'one-click' | 'pair-then-sign' | 'reject'

const SOLANA_MAINNET = 'solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp'

export async function startPhoneWallet(relayUrl: string, projectId: string, behaviour: { current: WalletBehaviour }) {
  const evm = privateKeyToAccount(generatePrivateKey())
  const solana = solanaWallet()
  const core = new Core({
    projectId,
    relayUrl,
    telemetryEnabled: false,
    logger: 'silent',
    customStoragePrefix: `phone-wallet-${crypto.randomUUID()}`,
    storageOptions: { database: ':memory:' },
  } as ConstructorParameters<typeof Core>[0])
  const kit = await WalletKit.init({
    core,
    metadata: { name: 'Test phone wallet', description: 'test', url: 'https://wallet.test', icons: [] },
  })
  const asked: string[] = []

  kit.on('session_proposal', async ({ id, params }) => {
    asked.push('session_proposal')
    if (behaviour.current === 'reject') return kit.rejectSession({ id, reason: { code: 5000, message: 'User rejected.' } })
    const namespaces = buildApprovedNamespaces({
      proposal: params,
      supportedNamespaces: {
        eip155: { chains: ['eip155:1'], methods: ['personal_sign'], events: [], accounts: [`eip155:1:${evm.address}`] },
        solana: {
          chains: [SOLANA_MAINNET],
          methods: ['solana_signMessage'],
          events: [],
          accounts: [`${SOLANA_MAINNET}:${solana.address}`],
        },
      },
    })
    const requested = params.requests?.authentication?.[0]
    if (behaviour.current === 'one-click' && requested) {
      const iss = `did:pkh:eip155:1:${evm.address}`
      const message = kit.formatAuthMessage({ request: requested as never, iss })
      const auth = buildAuthObject(requested as never, { t: 'eip191', s: await evm.signMessage({ message }) }, iss)
      return kit.approveSession({ id, namespaces, proposalRequestsResponses: { authentication: [auth] } } as never)
    }
    return kit.approveSession({ id, namespaces })
  })

  kit.on('session_request', async ({ id, topic, params }) => {
    const { method, params: args } = params.request
    asked.push(method)
    const respond = (result: unknown) => kit.respondSessionRequest({ topic, response: { id, jsonrpc: '2.0', result } })
    if (behaviour.current === 'reject')
      return kit.respondSessionRequest({ topic, response: { id, jsonrpc: '2.0', error: { code: 5000, message: 'User rejected.' } } })
    if (method === 'personal_sign') {
      const [data] = args as [Hex]
      return respond(await evm.signMessage({ message: isHex(data) ? hexToString(data) : data }))
    }
    if (method === 'solana_signMessage') {
      const { message } = args as { message: string }
      return respond({ signature: solana.sign(new TextDecoder().decode(base58.decode(message))) })
    }
  })

  return {
    evmAddress: evm.address,
    solanaAddress: solana.address,
    /** What the wallet was asked, in order. */
    asked,
    pair: (uri: string) => kit.pair({ uri }),
    stop: () => core.relayer.transportClose().catch(() => {}),
  }
}
