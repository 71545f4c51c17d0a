/**
 * The chains one relay verifies: the registered server faces (or a list given to
 * `createRelayApp`), those the configuration enables each with its verifier built
 * from its settings and the relay's ports.
 */
import type { AnyServerChain, ChainRpc, ProofVerifier } from '../chains/server-face.js'
import type { CryptoPort } from '../crypto/port.js'
import { RelayError } from '../protocol/errors.js'
import type { RelayConfig } from './config.js'

export type EnabledChain = { server: AnyServerChain; settings: unknown; verifier: ProofVerifier }

export type RelayChains = ReturnType<typeof relayChains>

export function relayChains(
  known: readonly AnyServerChain[],
  config: Pick<RelayConfig, 'chains' | 'chainSettings'>,
  ports: { crypto: CryptoPort; now: () => number; rpc: (reference: string) => ChainRpc | undefined },
) {
  const byId = new Map(known.map((server) => [server.spec.id, server]))
  const enabled = new Map<string, EnabledChain>()
  for (const id of config.chains) {
    const server = byId.get(id)
    if (!server) throw new TypeError(`The relay has no server face for the enabled chain ${id}.`)
    const settings = config.chainSettings[id]
    enabled.set(id, { server, settings, verifier: server.verifier({ ...ports, settings }) })
  }
  return {
    /** Every chain this relay knows, enabled or not (to read Snag's users of any of them). */
    known,
    enabled: [...enabled.values()],
    /** The enabled chain `walletType`, or `chain_not_allowed`. */
    get(walletType: string): EnabledChain {
      const chain = enabled.get(walletType)
      if (!chain) throw new RelayError('chain_not_allowed', { details: `walletType ${walletType}` })
      return chain
    },
  }
}
