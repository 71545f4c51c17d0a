/**
 * A real local EVM node: Foundry's anvil, whose binary `npm ci` installs from the
 * `@foundry-rs/anvil-<platform>-<arch>` package (no install script needed).
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { createPublicClient, createWalletClient, defineChain, http, parseEther, type Chain } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { freePort } from './redis.js'

const ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64' }

/** The anvil binary for this machine, or ANVIL_PATH. */
export function anvilPath(): string {
  if (process.env.ANVIL_PATH) return process.env.ANVIL_PATH
  const name = `@foundry-rs/anvil-${process.platform}-${ARCH[process.arch] ?? process.arch}`
  const manifest = createRequire(import.meta.url).resolve(`${name}/package.json`)
  return join(dirname(manifest), 'bin', 'anvil')
}

export type Anvil = Awaited<ReturnType<typeof startAnvil>>

/** Starts anvil with `chainId` on a free port; stop() kills it, start() runs it again on the same port. */
export async function startAnvil(chainId: number) {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const chain: Chain = defineChain({
    id: chainId,
    name: `anvil ${chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [url] } },
  })

  let child: ReturnType<typeof spawn> | undefined
  async function start() {
    const running = spawn(anvilPath(), ['--port', String(port), '--host', '127.0.0.1', '--chain-id', String(chainId), '--accounts', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child = running
    await new Promise<void>((resolve, reject) => {
      let output = ''
      running.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        if (output.includes('Listening on')) resolve()
      })
      running.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
      running.once('exit', (code) => reject(new Error(`anvil exited with ${code}: ${output}`)))
      running.once('error', reject)
    })
  }
  async function stop() {
    const running = child
    child = undefined
    if (!running || running.exitCode !== null || running.signalCode !== null) return
    running.kill('SIGKILL')
    await once(running, 'exit')
  }
  await start()

  const transport = http(url, { retryCount: 0 })
  const client = createPublicClient({ chain, transport })
  /** A fresh key given 100 ETH, to deploy and send with. */
  async function funded() {
    const account = privateKeyToAccount(generatePrivateKey())
    await client.request({ method: 'anvil_setBalance' as never, params: [account.address, `0x${parseEther('100').toString(16)}`] as never })
    return createWalletClient({ account, chain, transport })
  }
  return { url, chainId, chain, client, funded, start, stop }
}
