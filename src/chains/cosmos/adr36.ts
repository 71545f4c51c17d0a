/**
 * ADR-036: what Keplr's and Leap's `signArbitrary` sign for an arbitrary text, an
 * amino sign doc holding one `sign/MsgSignData` (signer, base64 data) with an
 * empty chain id, fee, memo, account number and sequence. Built with CosmJS.
 */
import { makeSignDoc, serializeSignDoc, type StdSignDoc } from '@cosmjs/amino'
import { toBase64, toUtf8 } from '@cosmjs/encoding'

export function adr36SignDoc(signer: string, message: string): StdSignDoc {
  return makeSignDoc(
    [{ type: 'sign/MsgSignData', value: { signer, data: toBase64(toUtf8(message)) } }],
    { gas: '0', amount: [] },
    '',
    '',
    0,
    0,
  )
}

/** The bytes whose SHA-256 the wallet signs. */
export const adr36Bytes = (signer: string, message: string) => serializeSignDoc(adr36SignDoc(signer, message))
