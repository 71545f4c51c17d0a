/**
 * A module loaded the first time it is asked for, then kept: a chain's verification
 * libraries load with its first proof, so that a relay at idle does not hold them.
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined
  return () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = undefined
      throw error
    }))
}
