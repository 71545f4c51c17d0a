/**
 * Preloaded into the relay by `bench:scale` (`node --expose-gc --import …`): on
 * SIGUSR2 it collects garbage and prints `heap <bytes used>`, so the benchmark can
 * read the relay's live heap between its runs. Nothing else of the relay changes.
 */
const collect = (globalThis as { gc?: () => void }).gc
if (!collect) throw new Error('heap-probe needs node --expose-gc')
process.on('SIGUSR2', () => {
  collect()
  collect()
  console.log(`heap ${process.memoryUsage().heapUsed}`)
})
