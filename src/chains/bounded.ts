/** Strings a browser sends, each held to a length no honest proof reaches. */
import { z } from 'zod/mini'

export const bounded = (max: number) => z.string().check(z.minLength(1), z.maxLength(max))

export const LIMITS = {
  address: 128,
  message: 4096,
  signature: 8192,
  nonce: 128,
  stateInit: 8192,
  domain: 253,
} as const

/** `{ message, signature }`: a signed text, the proof of every chain but TON. */
export const SignedMessage = z.strictObject({ message: bounded(LIMITS.message), signature: bounded(LIMITS.signature) })
export type SignedMessage = z.infer<typeof SignedMessage>

/** Comma-separated values, trimmed, empty ones dropped. */
export const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
