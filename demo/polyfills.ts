/** @ton/core, used by the demo TON wallet to build its state init, expects Node's Buffer. */
import { Buffer } from 'buffer'

globalThis.Buffer ??= Buffer
