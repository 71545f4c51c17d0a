/**
 * The part of `@onflow/fcl` the widget calls. Its package names `types/fcl.d.ts`
 * but does not ship it (1.21.x), so the calls used are declared here, as FCL's
 * documentation describes them.
 */
declare module '@onflow/fcl' {
  /** Sets FCL's configuration (`flow.network`, `logger.level`, `app.detail.*`…). */
  export function config(values: Record<string, unknown>): unknown
  /** Signs in with `service` (a wallet's authn service); resolves with the current user, signed in or not. */
  export function authenticate(options: { service?: unknown; forceReauth?: boolean }): Promise<{ addr?: string | null; loggedIn?: boolean }>
  export const currentUser: {
    /** Has the signed-in wallet sign the user domain tag ‖ `hex`'s bytes; resolves with composite signatures, or with what went wrong. */
    signUserMessage(hex: string): Promise<{ addr: string; keyId: number; signature: string }[] | unknown>
  }
}
