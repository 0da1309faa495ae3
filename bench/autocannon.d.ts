// The part of autocannon's API the benchmark uses (it ships no types).
declare module 'autocannon' {
  interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }
  interface Options {
    url: string;
    method?: string;
    connections?: number;
    duration?: number;
    headers?: Record<string, string>;
    requests?: Array<{ setupRequest?: (request: Request) => Request }>;
  }
  interface Result {
    '2xx': number;
    non2xx: number;
    errors: number;
    timeouts: number;
    /** Seconds the run lasted. */
    duration: number;
    /** Milliseconds. */
    latency: { p50: number; p99: number; average: number; max: number };
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
