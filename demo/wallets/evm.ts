/**
 * A demo EVM wallet: a real secp256k1 key made in this page, an EIP-1193 provider
 * announced through EIP-6963, and an approval prompt for every request. Declining
 * answers EIP-1193's 4001, as real wallets do.
 */
import { hexToString, isHex, type Hex } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import type { ApprovalRequest } from '../approval.js'
import { icons } from './icons.js'

const KEY = 'link-wallet-demo:evm-key'

class ProviderRpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message)
  }
}

/** Which wallet the page plays: the plain EVM one, or one a chain of its own finds by `rdns` (agw, imx), on its chain. */
export type DemoEvmOptions = { name?: string; rdns?: string; icon?: string; chainId?: number; storageKey?: string }

export function installDemoEvmWallet(
  approve: (request: ApprovalRequest) => Promise<boolean>,
  { name = 'Demo EVM Wallet', rdns = 'dev.link-wallet.demo.evm', icon = icons.evm, chainId = 1, storageKey = KEY }: DemoEvmOptions = {},
) {
  const stored = sessionStorage.getItem(storageKey)
  const privateKey = stored && isHex(stored) ? (stored as Hex) : generatePrivateKey()
  sessionStorage.setItem(storageKey, privateKey)
  const account = privateKeyToAccount(privateKey)
  let connected = false

  const ask = async (request: ApprovalRequest) => {
    if (!(await approve(request))) throw new ProviderRpcError(4001, 'User rejected the request.')
  }

  const provider = {
    async request({ method, params }: { method: string; params?: unknown[] }): Promise<unknown> {
      switch (method) {
        case 'eth_requestAccounts':
          if (!connected) await ask({ title: `Connect ${name} (${account.address.slice(0, 8)}…)?` })
          connected = true
          return [account.address]
        case 'eth_accounts':
          return connected ? [account.address] : []
        case 'eth_chainId':
          return `0x${chainId.toString(16)}`
        case 'personal_sign': {
          const [data, address] = (params ?? []) as [Hex, string]
          if (!connected || address?.toLowerCase() !== account.address.toLowerCase())
            throw new ProviderRpcError(4100, 'The requested account has not been authorized.')
          const message = isHex(data) ? hexToString(data) : String(data)
          await ask({ title: 'Sign this message?', message })
          return account.signMessage({ message })
        }
        default:
          throw new ProviderRpcError(4200, `Demo wallet does not support ${method}.`)
      }
    },
    on() {},
    removeListener() {},
  }

  const info = Object.freeze({ uuid: crypto.randomUUID(), name, icon, rdns })
  const announce = () => window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info, provider }) }))
  window.addEventListener('eip6963:requestProvider', announce)
  announce()
  return { address: account.address }
}
