/**
 * A demo Cosmos wallet injected as a Keplr-style provider (`window.keplr`, when
 * no Keplr is there): a real secp256k1 key made in this page, `enable`, `getKey`
 * and `signArbitrary`, which signs the ADR-036 doc with CosmJS as Keplr does.
 * Every request waits for the visitor's approval; declining answers code 4001.
 */
import { Secp256k1Wallet, encodeSecp256k1Pubkey, pubkeyToAddress } from '@cosmjs/amino'
import { secp256k1 } from '@noble/curves/secp256k1'
import { hex } from '@scure/base'
import { adr36SignDoc } from '../../src/chains/cosmos/adr36.js'
import type { ApprovalRequest } from '../approval.js'
import { icons } from './icons.js'

const KEY = 'link-wallet-demo:cosmos-key'

class WalletRejection extends Error {
  readonly code = 4001
  constructor() {
    super('Request rejected')
  }
}

export function installDemoCosmosWallet(approve: (request: ApprovalRequest) => Promise<boolean>) {
  const stored = sessionStorage.getItem(KEY)
  const privateKey = stored?.length === 64 ? hex.decode(stored) : secp256k1.utils.randomPrivateKey()
  sessionStorage.setItem(KEY, hex.encode(privateKey))
  const address = pubkeyToAddress(encodeSecp256k1Pubkey(secp256k1.getPublicKey(privateKey, true)), 'cosmos')
  const wallet = Secp256k1Wallet.fromKey(privateKey, 'cosmos')
  const enabled = new Set<string>()
  const ask = async (request: ApprovalRequest) => {
    if (!(await approve(request))) throw new WalletRejection()
  }
  const provider = {
    walletInfo: { name: 'Demo Cosmos Wallet', icon: icons.cosmos },
    async enable(chainIds: string | string[]) {
      const asked = [chainIds].flat().filter((id) => !enabled.has(id))
      if (asked.length) await ask({ title: `Connect Demo Cosmos Wallet (${address.slice(0, 12)}…) to ${asked.join(', ')}?` })
      for (const id of asked) enabled.add(id)
    },
    async getKey(chainId: string) {
      if (!enabled.has(chainId)) throw new Error(`${chainId} is not enabled.`)
      return { name: 'Demo', algo: 'secp256k1', bech32Address: address, isNanoLedger: false }
    },
    async signArbitrary(chainId: string, signer: string, data: string) {
      if (!enabled.has(chainId) || signer !== address) throw new Error('Unknown account.')
      await ask({ title: 'Sign this message?', message: data })
      return (await (await wallet).signAmino(address, adr36SignDoc(address, data))).signature
    },
  }
  const page = window as unknown as { keplr?: unknown }
  page.keplr ??= provider
  return { address }
}
