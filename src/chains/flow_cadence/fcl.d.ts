/**
 * The part of `@onflow/fcl` the widget calls. Its package names `types/fcl.d.ts`
 * but does not ship it (1.21.x), so the calls used are declared here, as FCL's
 * documentation describes them.
 */
declare module '@onflow/fcl' {
  /** Where a client keeps its signed-in user. */
  export type FclStorage = { can: boolean; get(key: string): Promise<unknown>; put(key: string, value: unknown): Promise<void> }
  /** A client of its own: configuration, storage and signed-in user apart from any other FCL on the page. */
  export function createFlowClient(params: {
    flowNetwork: string
    accessNodeUrl?: string
    storage?: FclStorage
    appDetailTitle?: string
    appDetailUrl?: string
  }): {
    /** Signs in with `service` (a wallet's authn service); resolves with the current user, signed in or not. */
    authenticate(options: { service?: unknown; forceReauth?: boolean }): Promise<{ addr?: string | null; loggedIn?: boolean | null }>
    /** Has the signed-in wallet sign the user domain tag ‖ `hex`'s bytes; resolves with composite signatures, or with what went wrong. */
    signUserMessage(hex: string): Promise<unknown>
  }
}
