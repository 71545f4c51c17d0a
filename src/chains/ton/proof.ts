/**
 * The checks of a TON Connect `ton_proof` that need no challenge: the account's
 * state init hashes to its address and holds its public key, and the signature
 * is that key's over the proof's message. The relay adds the challenge checks;
 * the emulator uses these alone, as Snag would.
 */
import { base64 } from '@scure/base'
import { Address, Cell, contractAddress, loadStateInit } from '@ton/core'
import { verifyEd25519, type CryptoPort } from '../../crypto/port.js'
import { RelayError } from '../../protocol/errors.js'
import type { TonVerification } from '../../protocol/snag.js'
import { tonProofEnvelope, tonProofMessage } from './ton-proof.js'
import { codeHash, KNOWN_WALLETS } from './wallets.js'

export function parseTonAddress(address: string): Address | undefined {
  try {
    return Address.parse(address)
  } catch {
    return undefined
  }
}

export type TonAccountFacts = { address: Address; publicKey: Buffer; wallet: string }

/** Reads what the account proves about itself, or throws the first reason it does not add up. */
export function readTonAccount({ proof, account }: TonVerification): TonAccountFacts {
  const address = parseTonAddress(account.address)
  if (!address) throw new RelayError('invalid_request', { message: 'account.address is not a TON address.' })

  const stateInit = account.walletStateInit ?? proof.state_init
  if (!stateInit) throw new RelayError('invalid_request', { message: 'The proof carries no walletStateInit.' })
  if (account.walletStateInit && proof.state_init && account.walletStateInit !== proof.state_init)
    throw new RelayError('invalid_request', { message: 'proof.state_init and account.walletStateInit differ.' })

  let init: ReturnType<typeof loadStateInit>
  try {
    init = loadStateInit(Cell.fromBase64(stateInit).beginParse())
  } catch {
    throw new RelayError('invalid_request', { message: 'walletStateInit is not a state init (base64 BoC).' })
  }
  if (!init.code || !init.data) throw new RelayError('invalid_request', { message: 'walletStateInit has no code or data.' })
  if (!contractAddress(address.workChain, init).equals(address))
    throw new RelayError('address_mismatch', { message: 'The wallet’s state init does not hash to its address.' })

  const wallet = KNOWN_WALLETS[codeHash(init.code)]
  if (!wallet)
    throw new RelayError('wallet_unsupported', {
      message: `The wallet contract (code hash ${codeHash(init.code)}) is not one the relay can read a key from.`,
    })
  let key: { name: string; publicKey: Buffer }
  try {
    key = { name: wallet.name, publicKey: wallet.publicKey(init.data.beginParse()) }
  } catch {
    throw new RelayError('invalid_request', { message: `walletStateInit's data does not have the ${wallet.name} layout.` })
  }
  if (account.publicKey.toLowerCase() !== key.publicKey.toString('hex'))
    throw new RelayError('signature_invalid', { message: 'account.publicKey is not the key in the wallet’s state init.' })
  return { address, publicKey: key.publicKey, wallet: key.name }
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

function decodeSignature(signature: string): Uint8Array | undefined {
  if (!BASE64.test(signature)) return undefined
  try {
    return base64.decode(signature)
  } catch {
    return undefined
  }
}

/** Is `proof.signature` the key's ed25519 signature over the proof's message for `address`? */
export async function isValidTonProofSignature(
  crypto: CryptoPort,
  { proof }: TonVerification,
  { address, publicKey }: TonAccountFacts,
): Promise<boolean> {
  const signature = decodeSignature(proof.signature)
  if (!signature) return false
  const message = tonProofMessage({
    workchain: address.workChain,
    addressHash: address.hash,
    domain: proof.domain.value,
    timestamp: proof.timestamp,
    payload: proof.payload,
  })
  return verifyEd25519(crypto, publicKey, await crypto.sha256(tonProofEnvelope(await crypto.sha256(message))), signature)
}

export const utf8Length = (text: string) => new TextEncoder().encode(text).length

/** Snag's own check, as the emulator makes it: account, key and signature add up. Never throws. */
export async function isValidTonProof(crypto: CryptoPort, walletAddress: string, verification: TonVerification): Promise<boolean> {
  try {
    const facts = readTonAccount(verification)
    const claimed = parseTonAddress(walletAddress)
    return (
      !!claimed &&
      claimed.equals(facts.address) &&
      verification.proof.domain.lengthBytes === utf8Length(verification.proof.domain.value) &&
      (await isValidTonProofSignature(crypto, verification, facts))
    )
  } catch {
    return false
  }
}
