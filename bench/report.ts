/** Benchmarks print a table and write the same figures as JSON under bench/results/ (not committed). */
import { mkdir, writeFile } from 'node:fs/promises'
import { cpus } from 'node:os'
import { fileURLToPath } from 'node:url'

export const machine = () => ({
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  date: new Date().toISOString(),
})

export async function report(name: string, rows: Record<string, string | number>[], extra: Record<string, unknown> = {}): Promise<void> {
  console.table(rows)
  const dir = fileURLToPath(new URL('./results/', import.meta.url))
  await mkdir(dir, { recursive: true })
  await writeFile(`${dir}${name}.json`, `${JSON.stringify({ machine: machine(), rows, ...extra }, null, 2)}\n`)
  console.log(`figures written to bench/results/${name}.json`)
}
