/**
 * `link-wallet-relay [--emulate]`: start the relay from environment variables,
 * or refuse with a message that says what to fix.
 */
import { CHAINS } from '../chains/registry.js'
import type { AnyChainSpec } from '../chains/spec.js'
import { ConfigError, LOG_LEVELS } from './config.js'
import { DemoNotBuiltError } from './demo-site.js'
import { startRelay } from './server.js'

/** Each chain's own variables, from the registry (a variable several chains share, once). */
const chainVariables = [...new Map(Object.values(CHAINS).flatMap((spec) => Object.entries(spec.env))).entries()]
  .map(([name, { help, default: fallback }]) => `  ${name.padEnd(22)} ${help}${fallback === undefined ? '' : `, default ${fallback}`}`)
  .join('\n')

const USAGE = `Usage: link-wallet-relay [--emulate [--demo] | --emulator-only]

Starts the link-wallet relay, configured by environment variables:
  ALLOWED_ORIGINS        origins that may use the relay (comma-separated), required
  SNAG_API_KEY           Snag API key, required
  SNAG_WEBSITE_ID        Snag website id (UUID), required
  SNAG_ORGANIZATION_ID   Snag organization id (UUID), required
  SNAG_API_URL           default https://admin.snagsolutions.io/
  HOST, PORT             default 127.0.0.1 and 8787 (PORT=0 picks a free port)
  PUBLIC_URL             the relay's public URL, default the address it listens on
  CHAINS                 enabled chains among ${Object.keys(CHAINS).join(',')}; default ${Object.values(CHAINS)
    .filter((spec: AnyChainSpec) => spec.enabledByDefault !== false)
    .map((spec) => spec.id)
    .join(',')}
${chainVariables}
  CHALLENGE_TTL_SECONDS  default 300
  SESSION_TTL_SECONDS    default 3600, counted from the session's creation
  HOST_TOKEN_SECRET      HS256 secret for host tokens (with HOST_TOKEN_AUDIENCE,
                         HOST_TOKEN_ISSUER, HOST_TOKEN_MAX_LIFETIME_SECONDS default 900)
  REDIS_URL              share used nonces, sessions, locks and rate limits between instances
  RATE_LIMIT_IP_PER_MINUTE, RATE_LIMIT_SESSION_PER_MINUTE, RATE_LIMIT_WALLET_PER_MINUTE
                         default 60, 60 and 10
  TRUST_PROXY_HOPS       reverse proxies whose X-Forwarded-For is trusted, default 0
  RPC_TIMEOUT_MS         deadline of each call to a chain's RPC, default 3000
  LOG_LEVEL              ${LOG_LEVELS.join(', ')}; default info
  (all variables: README.md)

  --emulate   also start the Snag + Velt emulator in this process and use it as
              the upstream, with fresh random credentials (ALLOWED_ORIGINS then
              defaults to the demo's http://localhost:5173)
  --demo      with --emulate: also serve the built demo page (npm run build)
              from the same port, the emulator under /__snag; PUBLIC_URL names
              the page's origin when behind a proxy
  --emulator-only
              start only the emulator (on PORT, default a free port), using
              SNAG_* and VELT_* credentials when set
`

export async function main(argv: string[], env: Record<string, string | undefined>): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE)
    return
  }
  const unknown = argv.filter((arg) => !['--emulate', '--emulator-only', '--demo'].includes(arg))
  if (argv.includes('--demo') && !argv.includes('--emulate')) unknown.push('--demo (only with --emulate)')
  if (unknown.length) {
    process.stderr.write(`link-wallet-relay: unknown option ${unknown.join(' ')}\n\n${USAGE}`)
    process.exitCode = 2
    return
  }
  try {
    const mode = argv.includes('--emulator-only') ? 'emulator-only' : argv.includes('--emulate') ? 'emulate' : 'relay'
    const started = await startRelay({ env, mode, demo: argv.includes('--demo') })
    const stop = () => {
      started.close().then(
        () => process.exit(0),
        () => process.exit(1),
      )
    }
    process.once('SIGTERM', stop)
    process.once('SIGINT', stop)
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DemoNotBuiltError) {
      process.stderr.write(`link-wallet-relay: ${error.message}\n`)
      process.exitCode = 1
      return
    }
    const code = (error as { code?: unknown }).code
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      process.stderr.write(`link-wallet-relay: cannot listen: ${String((error as Error).message)}\n`)
      process.exitCode = 1
      return
    }
    throw error
  }
}

await main(process.argv.slice(2), process.env)
