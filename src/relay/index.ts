/**
 * `link-wallet-relay`: the relay as a library for any Fetch-API runtime. Build an
 * app with `createRelayApp({ config, store, clientIp })` and serve `app.fetch`;
 * runtime entries (`link-wallet-relay/node`, `/bun`, `/deno`, `/workers`) supply
 * the client's address, a store and the crypto port for you.
 */
export { createRelayApp, type RelayApp, type RelayDeps } from './app.js'
export { ConfigError, loadConfig, relayEnv, type RelayConfig } from './config.js'
export { createMemoryStore, type MemoryStoreOptions } from './stores/memory.js'
export type { Store } from './stores/types.js'
export { createDurableObjectStore, RelayStoreObject } from './stores/durable-object.js'
export { clientAddress, type ClientIp } from './rate-limit.js'
export { createEmulator, type Emulator, type EmulatorOptions } from '../emulator/app.js'
export { webCrypto, type CryptoPort } from '../crypto/port.js'
export { CHAINS, CHAIN_IDS, type ChainId } from '../chains/registry.js'
export { SERVER_CHAINS } from '../chains/server-registry.js'
export type { AnyServerChain, ServerChain } from '../chains/server-face.js'
export type { ChainSpec } from '../chains/spec.js'
export { RelayError, type ErrorCode } from '../protocol/errors.js'
export { mintUserToken, verifyHostToken, type MintOptions } from './host-token.js'
export type { Logger } from '../upstream/logger.js'
