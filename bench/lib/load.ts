import autocannon from "autocannon";
import { type Summary, summarize } from "./stats.js";

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  /** Latency of the 2xx responses with sub-millisecond resolution (autocannon's histogram keeps whole ms). */
  latency: Summary;
}

export interface LoadRequest {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
}

/** Drives `url` with autocannon at a fixed number of connections; returns throughput and latency. */
export async function runLoad(
  url: string,
  options: { connections: number; durationS: number; request?: LoadRequest },
): Promise<LoadResult> {
  const samples: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: options.connections, duration: options.durationS, ...(options.request ?? {}) },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTimeMs) => {
      if (statusCode >= 200 && statusCode < 300) samples.push(responseTimeMs);
    });
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    latency: summarize(samples),
  };
}
