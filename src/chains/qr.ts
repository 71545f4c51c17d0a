/** A QR code's modules for `text`, with the standard quiet zone of four modules around them (lean-qr). */
import { correction, generate } from 'lean-qr/nano'

export function qrModules(text: string): boolean[][] {
  const code = generate(text, { minCorrectionLevel: correction.M })
  const quiet = 4
  return Array.from({ length: code.size + 2 * quiet }, (_, y) =>
    Array.from({ length: code.size + 2 * quiet }, (_, x) => code.get(x - quiet, y - quiet)),
  )
}
