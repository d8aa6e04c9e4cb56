import { Agent, request } from "node:http";
import { type Summary, summarize } from "./stats.js";

export interface FixedRateTarget {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
}

/**
 * One tagged request: its tag, when it was written and its last byte read (monotonicMs), and the
 * value of `options.header` in its response (NaN without one).
 */
export type TaggedTiming = readonly [tag: number, sentMs: number, doneMs: number, reported: number];

/**
 * CLOCK_MONOTONIC in milliseconds: the same clock in every process on the host, so a server's
 * own timestamps (bench/gateway/stage-probe.mjs) line up with the client's.
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint() / 1000n) / 1000;
}

let lastTag = 0;

export interface FixedRateResult {
  sent: number;
  /** Requests per second actually sent (the scheduler runs on 1 ms timers). */
  achievedRate: number;
  errors: number;
  non2xx: number;
  /** Request written → last byte of the response read. */
  latency: Summary;
  /** Request written → response headers. */
  firstByte: Summary;
  /** The numeric response header named by `options.header` (e.g. a server's own overhead figure). */
  header: Summary;
  /** The raw figures behind `latency` and `header`, for pooling several runs. */
  samples: { latency: number[]; header: number[]; tagged: TaggedTiming[] };
}

/**
 * Open-loop load: `rate` requests per second spread evenly (not autocannon's burst at the start of
 * each second), each on a free keep-alive socket, whatever the previous ones are doing. Latency is
 * timed per request from the moment it is written, with sub-millisecond resolution.
 */
export async function runFixedRate(
  target: FixedRateTarget,
  options: {
    rate: number;
    durationS: number;
    header?: string;
    agent?: Agent;
    /** Sends a process-wide unique number in this header and keeps each answered request's times. */
    tagHeader?: string;
  },
): Promise<FixedRateResult> {
  // A caller's agent keeps its warm connections between runs (interleaved slices); ours is closed.
  const agent = options.agent ?? new Agent({ keepAlive: true, maxSockets: 512 });
  const url = new URL(target.url);
  const total = Math.round(options.rate * options.durationS);
  const latencies: number[] = [];
  const firstBytes: number[] = [];
  const headerValues: number[] = [];
  const tagged: TaggedTiming[] = [];
  let errors = 0;
  let non2xx = 0;
  let sent = 0;
  let settled = 0;
  let allSettled: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    allSettled = resolve;
  });
  const fire = () => {
    const tag = options.tagHeader ? ++lastTag : 0;
    const headers = options.tagHeader
      ? { ...target.headers, [options.tagHeader]: String(tag) }
      : target.headers;
    const sentMs = options.tagHeader ? monotonicMs() : 0;
    const started = performance.now();
    let reported = Number.NaN;
    let finished = false;
    const finish = (outcome: "ok" | "non2xx" | "error") => {
      if (finished) return;
      finished = true;
      if (outcome === "ok") {
        latencies.push(performance.now() - started);
        if (options.tagHeader) tagged.push([tag, sentMs, monotonicMs(), reported]);
      } else if (outcome === "non2xx") non2xx += 1;
      else errors += 1;
      settled += 1;
      if (settled === total) allSettled();
    };
    const outgoing = request(url, { method: target.method, headers, agent, timeout: 30_000 }, (response) => {
      const status = response.statusCode ?? 0;
      const ok = status >= 200 && status < 300;
      if (ok) firstBytes.push(performance.now() - started);
      reported = options.header ? Number(response.headers[options.header]) : Number.NaN;
      if (ok && Number.isFinite(reported)) headerValues.push(reported);
      response.on("data", () => {});
      response.on("end", () => finish(ok ? "ok" : "non2xx"));
      response.on("error", () => finish("error"));
    });
    outgoing.on("error", () => finish("error"));
    outgoing.on("timeout", () => outgoing.destroy(new Error("timeout")));
    outgoing.end(target.body);
  };

  const startedAt = performance.now();
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - startedAt) * options.rate) / 1000) + 1);
      while (sent < due) {
        sent += 1;
        fire();
      }
      if (sent < total) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
  const sendingMs = performance.now() - startedAt;
  await done;
  if (!options.agent) agent.destroy();
  return {
    sent,
    achievedRate: (sent / sendingMs) * 1000,
    errors,
    non2xx,
    latency: summarize(latencies),
    firstByte: summarize(firstBytes),
    header: summarize(headerValues),
    samples: { latency: latencies, header: headerValues, tagged },
  };
}
