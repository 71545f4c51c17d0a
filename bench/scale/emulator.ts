/**
 * The emulator for `bench:scale`, as `--emulator-only` serves it but with two
 * settings the binary does not take: accounts of up to SCALE_GROUP_LIMIT wallets
 * (Snag's limit stands at 10 in the emulator), and Snag already holding
 * SCALE_USERS users (half EVM, half Solana wallets, in groups of five), made
 * before it listens. Proof checks off, as in bench:relay.
 */
import { base58 } from '@scure/base'
import { createEmulator } from '../../src/emulator/app.js'
import { nodeCrypto } from '../../src/crypto/node.js'
import { listen } from '../../src/relay/listen.js'

const env = process.env
const emulator = createEmulator({
  snag: {
    apiKey: env.SNAG_API_KEY,
    websiteId: env.SNAG_WEBSITE_ID,
    organizationId: env.SNAG_ORGANIZATION_ID,
    maxWalletsPerGroup: Number(env.SCALE_GROUP_LIMIT ?? 10),
  },
  verifySignatures: false,
  crypto: nodeCrypto,
})
const { state } = emulator
const random = (bytes: number) => crypto.getRandomValues(new Uint8Array(bytes))
let anchor: ReturnType<typeof state.userForWallet> | undefined
for (let i = 0; i < Number(env.SCALE_USERS ?? 0); i++) {
  const user =
    i % 2
      ? state.userForWallet('solana', base58.encode(random(32)))
      : state.userForWallet('evm', `0x${Buffer.from(random(20)).toString('hex')}`)
  if (i % 5 === 0) anchor = user
  else state.setGroup(user, state.groupOf(anchor!).id)
}
const listening = await listen(emulator.app.fetch, '127.0.0.1', 0)
console.log(`snag emulator (${state.users.size} users) listening on ${listening.url}`)
