// The little of autocannon's API the benchmarks use (it ships no types).
declare module 'autocannon' {
  type Histogram = { average: number; mean: number; p50: number; p90: number; p99: number; max: number }
  type Request = {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string
    setupRequest?: (request: Request) => Request
  }
  type Options = {
    url: string
    connections?: number
    amount?: number
    duration?: number
    pipelining?: number
    requests?: Request[]
    headers?: Record<string, string>
  }
  type Result = {
    requests: Histogram & { total: number }
    latency: Histogram
    non2xx: number
    errors: number
    timeouts: number
    duration: number
    '2xx': number
  }
  function autocannon(options: Options): Promise<Result>
  export default autocannon
}
