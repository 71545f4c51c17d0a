/**
 * A phone wallet, simulated in the page: WalletConnect's own wallet SDK
 * (@reown/walletkit) with demo keys of its own (EVM and Solana), pairing through the
 * hosted demo's WalletConnect relay. It does what a person with a phone would:
 * "scan" the widget's QR code, approve the connection, sign in (One-Click Auth for
 * EVM) or sign the relay's text (Solana). Loaded only when first used.
 */
import { ed25519 } from '@noble/curves/ed25519'
import { base58, hex } from '@scure/base'
import { Core } from '@walletconnect/core'
import { WalletKit } from '@reown/walletkit'
import { buildApprovedNamespaces, buildAuthObject } from '@walletconnect/utils'
import { hexToString, isHex, type Hex } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'

const SOLANA_MAINNET = 'solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp'

function storedKey(name: string, make: () => string): string {
  const key = `link-wallet-demo:phone-${name}`
  const value = sessionStorage.getItem(key) ?? make()
  sessionStorage.setItem(key, value)
  return value
}

export async function startPhone({ projectId, relayUrl, log }: { projectId: string; relayUrl: string; log: (line: string) => void }) {
  const evm = privateKeyToAccount(storedKey('evm', generatePrivateKey) as Hex)
  const solanaSecret = hex.decode(storedKey('solana', () => hex.encode(ed25519.utils.randomPrivateKey())))
  const solanaAddress = base58.encode(ed25519.getPublicKey(solanaSecret))
  const core = new Core({
    projectId,
    relayUrl,
    telemetryEnabled: false,
    customStoragePrefix: 'link-wallet-demo-phone',
  } as ConstructorParameters<typeof Core>[0])
  const kit = await WalletKit.init({
    core,
    metadata: { name: 'Simulated phone', description: 'The demo’s phone wallet', url: location.origin, icons: [] },
  })

  kit.on('session_proposal', async ({ id, params }) => {
    log(`Asked to connect by ${params.proposer.metadata.name}: approved.`)
    const namespaces = buildApprovedNamespaces({
      proposal: params,
      supportedNamespaces: {
        eip155: { chains: ['eip155:1'], methods: ['personal_sign'], events: [], accounts: [`eip155:1:${evm.address}`] },
        solana: { chains: [SOLANA_MAINNET], methods: ['solana_signMessage'], events: [], accounts: [`${SOLANA_MAINNET}:${solanaAddress}`] },
      },
    })
    const request = params.requests?.authentication?.[0]
    if (!request) return void (await kit.approveSession({ id, namespaces }))
    const iss = `did:pkh:eip155:1:${evm.address}`
    const message = kit.formatAuthMessage({ request: request as never, iss })
    log(`Signed in while connecting (one prompt):\n${message}`)
    const auth = buildAuthObject(request as never, { t: 'eip191', s: await evm.signMessage({ message }) }, iss)
    await kit.approveSession({ id, namespaces, proposalRequestsResponses: { authentication: [auth] } } as never)
  })

  kit.on('session_request', async ({ id, topic, params }) => {
    const { method, params: args } = params.request
    let result: unknown
    if (method === 'personal_sign') {
      const [data] = args as [Hex]
      const message = isHex(data) ? hexToString(data) : data
      log(`Signed with personal_sign:\n${message}`)
      result = await evm.signMessage({ message })
    } else if (method === 'solana_signMessage') {
      const message = base58.decode((args as { message: string }).message)
      log(`Signed with solana_signMessage:\n${new TextDecoder().decode(message)}`)
      result = { signature: base58.encode(ed25519.sign(message, solanaSecret)) }
    } else {
      return void (await kit.respondSessionRequest({
        topic,
        response: { id, jsonrpc: '2.0', error: { code: 4200, message: `${method} is not supported` } },
      }))
    }
    await kit.respondSessionRequest({ topic, response: { id, jsonrpc: '2.0', result } })
  })

  return {
    evmAddress: evm.address,
    solanaAddress,
    async pair(uri: string) {
      log('Scanned the QR code.')
      await kit.pair({ uri })
    },
  }
}
