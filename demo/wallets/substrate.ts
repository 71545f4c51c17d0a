/**
 * A demo Substrate extension injected as `window.injectedWeb3['Demo Substrate
 * Wallet']`, the way polkadot{.js}, Talisman and SubWallet inject themselves: a
 * real sr25519 key made in this page with @polkadot/keyring, and `signRaw`,
 * which signs `<Bytes>…</Bytes>` as those extensions do. Every request waits for
 * the visitor's approval; declining rejects.
 */
import { Keyring } from '@polkadot/keyring'
import { hexToU8a, u8aToHex, u8aToString, u8aWrapBytes } from '@polkadot/util'
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto'
import type { ApprovalRequest } from '../approval.js'

const KEY = 'link-wallet-demo:substrate-mnemonic'
export const DEMO_SUBSTRATE_NAME = 'Demo Substrate Wallet'

export async function installDemoSubstrateWallet(approve: (request: ApprovalRequest) => Promise<boolean>) {
  await cryptoWaitReady()
  const mnemonic = sessionStorage.getItem(KEY) ?? mnemonicGenerate()
  sessionStorage.setItem(KEY, mnemonic)
  const pair = new Keyring({ type: 'sr25519', ss58Format: 0 }).addFromMnemonic(mnemonic)
  const { address } = pair
  const ask = async (request: ApprovalRequest) => {
    if (!(await approve(request))) throw new Error('Cancelled')
  }
  let enabled = false
  const injected = {
    accounts: { get: async () => [{ address, type: 'sr25519', name: 'Demo' }] },
    signer: {
      async signRaw({ address: signer, data }: { address: string; data: string; type: 'bytes' }) {
        if (signer !== address) throw new Error('Unknown account.')
        await ask({ title: 'Sign this message?', message: u8aToString(hexToU8a(data)) })
        return { id: 1, signature: u8aToHex(pair.sign(u8aWrapBytes(hexToU8a(data)))) }
      },
    },
  }
  const page = window as unknown as { injectedWeb3?: Record<string, unknown> }
  page.injectedWeb3 ??= {}
  page.injectedWeb3[DEMO_SUBSTRATE_NAME] = {
    version: '1.0.0',
    enable: async () => {
      if (!enabled) await ask({ title: `Connect ${DEMO_SUBSTRATE_NAME} (${address.slice(0, 8)}…)?` })
      enabled = true
      return injected
    },
  }
  return { address }
}
