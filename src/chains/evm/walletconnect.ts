/**
 * An EVM phone wallet over WalletConnect, in one prompt where the wallet can: the
 * pairing carries a sign-in request (One-Click Auth, CAIP-222) built from the
 * relay's challenge, and the wallet's CACAO is the SIWE text and its signature.
 * A wallet that cannot answers the pairing alone; it is then asked `personal_sign`
 * over the relay's message, as an injected wallet is.
 */
import { formatMessage } from '@walletconnect/utils'
import { stringToHex } from 'viem/utils'
import type { ProveContext, Proof, WalletOption } from '../browser-face.js'
import { WalletError } from '../errors.js'
import { pairWallet } from '../walletconnect-session.js'
import type { PairingApp } from '../walletconnect.js'
import type { EvmPublic } from './spec.js'

/** Apps that open a pairing link on a phone (their WalletConnect universal links). */
const APPS: PairingApp[] = [
  { name: 'MetaMask', universal: 'https://metamask.app.link' },
  { name: 'Trust Wallet', universal: 'https://link.trustwallet.com' },
  { name: 'Rainbow', universal: 'https://rnbwapp.com' },
]

export async function prove(_wallet: WalletOption, context: ProveContext): Promise<Proof> {
  const { chainIds } = context.settings as EvmPublic
  const chainId = chainIds[0]
  if (chainId === undefined) throw new WalletError('The relay allows no chain.')
  const challenge = await context.challenge({ chainId })
  const paired = await pairWallet(
    context,
    {
      optionalNamespaces: { eip155: { chains: chainIds.map((id) => `eip155:${id}`), methods: ['personal_sign'], events: [] } },
      authentication: [
        {
          chains: [`eip155:${chainId}`],
          domain: challenge.domain,
          uri: challenge.uri,
          nonce: challenge.nonce,
          statement: challenge.statement,
          exp: challenge.expiresAt,
          // WalletConnect's shortest request lifetime; the widget stops waiting when the challenge expires.
          ttl: 300,
        },
      ],
    },
    { apps: APPS, deadline: Date.parse(challenge.expiresAt) },
  )
  try {
    const cacao = paired.session.authentication?.[0]
    if (cacao) {
      const walletAddress = cacao.p.iss.split(':').at(-1)!
      return { walletAddress, verificationData: { message: formatMessage(cacao.p, cacao.p.iss), signature: cacao.s.s } }
    }
    // The wallet paired without signing in: ask for the relay's message the usual way.
    const accounts = paired.session.namespaces.eip155?.accounts ?? []
    const account = accounts.find((a) => a.startsWith(`eip155:${chainId}:`)) ?? accounts[0]
    if (!account) throw new WalletError('The wallet shared no account.')
    const [, reference, address] = account.split(':') as [string, string, string]
    const { message } = await context.challenge({ address, chainId: Number(reference) })
    if (!message) throw new WalletError('The relay sent no message to sign.')
    context.phase('signing')
    const signature = await paired.request<string>(`eip155:${reference}`, 'personal_sign', [stringToHex(message), address])
    return { walletAddress: address, verificationData: { message, signature } }
  } finally {
    await paired.end()
  }
}
