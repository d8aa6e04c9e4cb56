import autocannon from "autocannon";

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

/** Drives `url` with autocannon and returns throughput and latency percentiles. */
export async function runLoad(
  url: string,
  options: { connections: number; durationS: number },
): Promise<LoadResult> {
  const result = await autocannon({ url, connections: options.connections, duration: options.durationS });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
