import { channel } from "node:diagnostics_channel";
import type { Sql } from "../../platform/sql/index.js";
import type { Logger } from "../../platform/telemetry/logger.js";
import { decodeUsageRow, type EncodedUsageRow, encodeUsageRow } from "./encode-usage-row.js";
import { toUsageRow, type UsageRecordInput, type UsageRow } from "./usage-record.js";
import { UsageRowQueue } from "./usage-row-queue.js";
import { sqlUsageWriter, type UsageWriter } from "./write-usage-batch.js";

/** Token classes as the usage record counts them (`input` includes cached and cache writes). */
export type TokenClass = "input" | "cached_input" | "cache_write" | "output" | "reasoning";

/** Optional counters, fed once per accepted record (e.g. `gateway_tokens_total{class}`). */
export interface UsageMetrics {
  tokens(tokenClass: TokenClass, count: number): void;
  cost(usd: number): void;
}

export interface UsageRecorderOptions {
  readonly sql: Sql;
  readonly logger: Logger;
  /** Most records held before `record()` makes callers wait (backpressure); 10 000 by default. */
  readonly bufferSize?: number;
  /** Longest a record waits before a write starts; 1 000 ms by default. */
  readonly flushIntervalMs?: number;
  /**
   * Most rows per INSERT; 200 by default. The database's cost per row is flat from about 200 rows
   * up, while the batch's JSON text (about 380 bytes a row) past about 80 KB takes V8 ten times
   * longer to build on the event loop (0.06 ms for 200 rows, 0.5–0.9 ms for 250–500).
   */
  readonly batchSize?: number;
  readonly metrics?: UsageMetrics;
  /** Backoff between failed writes: doubles from `initialMs` up to `maxMs` (100 ms, 30 s). */
  readonly retry?: { readonly initialMs: number; readonly maxMs: number };
  /** How long `close()` keeps retrying before it logs what it could not write; 10 s by default. */
  readonly closeTimeoutMs?: number;
  /** Replaces the SQL writer (tests inject failures here). */
  readonly write?: UsageWriter;
}

export interface UsageRecorder {
  /**
   * Buffers one record. Returns nothing while the buffer has room (the caller never waits);
   * when it is full, returns a promise that resolves once the record is in the buffer. Records
   * are never dropped silently. Throws a TypeError for an invalid record, and after `close()`.
   */
  record(input: UsageRecordInput): undefined | Promise<void>;
  /** Writes everything buffered now; rejects if a write fails (the records stay buffered). */
  flush(): Promise<void>;
  /** Stops the timer and drains the buffer, retrying until `closeTimeoutMs`; for shutdown. */
  close(): Promise<void>;
  /** Records buffered or waiting for room, not yet written. */
  readonly pending: number;
}

/**
 * Published as each batch write starts and ends (`{ phase: "start" | "end", rows }`), for whoever
 * wants to line the database's work up with other timings (bench/gateway does, to tell which slow
 * calls overlapped a write); publishing costs nothing while nobody subscribes.
 */
export const usageWriteChannel = channel("tributary:usage:write");

interface Waiter {
  readonly row: EncodedUsageRow;
  readonly resolve: () => void;
}

/**
 * Usage records leave the hot path through a bounded buffer: a flusher writes batches every
 * `flushIntervalMs` or as soon as the buffer is half full. A failed write keeps its rows at the
 * head of the buffer and is retried with backoff; while the database is away the buffer fills
 * and `record()` starts returning promises, which is the backpressure the caller awaits.
 */
export function createUsageRecorder(options: UsageRecorderOptions): UsageRecorder {
  const { logger, metrics } = options;
  const capacity = positive(options.bufferSize ?? 10_000, "bufferSize");
  const batchSize = positive(options.batchSize ?? 200, "batchSize");
  const flushIntervalMs = positive(options.flushIntervalMs ?? 1_000, "flushIntervalMs");
  const retry = options.retry ?? { initialMs: 100, maxMs: 30_000 };
  const closeTimeoutMs = options.closeTimeoutMs ?? 10_000;
  const write = options.write ?? sqlUsageWriter(options.sql);

  // Unwritten rows in arrival order, off the JavaScript heap while they wait (UsageRowQueue);
  // a batch being written stays at the head until it commits.
  const buffer = new UsageRowQueue();
  const waiters: Waiter[] = [];
  let draining: Promise<unknown> | null = null;
  // A tick that found a write in progress: the drain then goes on with what arrived meanwhile.
  let tickMissed = false;
  let failures = 0;
  let blockedUntil = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  let closed = false;

  const interval = setInterval(() => kick(), flushIntervalMs);
  interval.unref();

  function kick(): void {
    if (draining) tickMissed = true;
    if (buffer.length === 0 || draining || Date.now() < blockedUntil) return;
    void drain();
  }

  /** Writes batches until the buffer is empty or a write fails; the failure is returned, not thrown. */
  function drain(): Promise<unknown> {
    draining ??= writeAll().finally(() => {
      draining = null;
    });
    return draining;
  }

  /**
   * Writes the rows buffered when it starts. Rows that arrive meanwhile wait for the next tick
   * (or the half-full kick) instead of following at once in small batches: a write costs the
   * database several times more per row in a batch of ten than in one of hundreds.
   */
  async function writeAll(): Promise<unknown> {
    tickMissed = false;
    let due = buffer.length;
    while (due > 0) {
      const batch = buffer.peek(Math.min(batchSize, due));
      try {
        await announced(batch, writeBatch);
      } catch (error) {
        scheduleRetry(error);
        return error;
      }
      buffer.shift(batch.length);
      due -= batch.length;
      admitWaiters();
      failures = 0;
      blockedUntil = 0;
      // Keep going for rows whose tick passed during the write, and while the buffer stays half full.
      if (due <= 0 && (tickMissed || buffer.length * 2 >= capacity)) {
        tickMissed = false;
        due = buffer.length;
      }
    }
    return null;
  }

  async function writeBatch(batch: readonly EncodedUsageRow[]): Promise<void> {
    try {
      await write(batch);
    } catch (error) {
      // Rows are validated when recorded, so a data error means one row the database refuses
      // for a reason we did not foresee: find it rather than block every record behind it.
      if (!isDataError(error) || batch.length === 1) {
        if (isDataError(error)) return dropRejected(batch, error);
        throw error;
      }
      for (const row of batch) await writeBatch([row]);
    }
  }

  function dropRejected(rows: readonly EncodedUsageRow[], error: unknown): void {
    logger.error(
      { err: error, usage_records: rows.map(decodeUsageRow) },
      "usage record refused by the database; dropped (logged here in full)",
    );
  }

  function scheduleRetry(error: unknown): void {
    failures += 1;
    const delay = Math.min(retry.maxMs, retry.initialMs * 2 ** (failures - 1));
    blockedUntil = Date.now() + delay;
    logger.warn(
      { err: error, pending: buffer.length + waiters.length, retry_in_ms: delay },
      "writing usage records failed; they stay buffered and are retried",
    );
    clearTimeout(retryTimer);
    // The timer ends the backoff itself: libuv's clock may fire it a millisecond before Date.now()
    // reaches blockedUntil, and a kick that still saw the block would wait for the next tick.
    retryTimer = setTimeout(() => {
      blockedUntil = 0;
      kick();
    }, delay);
    retryTimer.unref();
  }

  function admitWaiters(): void {
    while (buffer.length < capacity) {
      const waiter = waiters.shift();
      if (!waiter) return;
      buffer.push(waiter.row);
      waiter.resolve();
    }
  }

  function count(row: UsageRow): void {
    if (!metrics) return;
    metrics.tokens("input", row.input_tokens);
    metrics.tokens("cached_input", row.cached_input_tokens);
    metrics.tokens("cache_write", row.cache_write_tokens);
    metrics.tokens("output", row.output_tokens);
    metrics.tokens("reasoning", row.reasoning_tokens);
    metrics.cost(row.cost_usd);
  }

  return {
    record(input) {
      if (closed) throw new Error("the usage recorder is closed; record before shutting down");
      const parsed = toUsageRow(input);
      count(parsed);
      const row = encodeUsageRow(parsed);
      admitWaiters();
      if (buffer.length < capacity) {
        buffer.push(row);
        if (buffer.length * 2 >= capacity) kick();
        return undefined;
      }
      kick();
      return new Promise<void>((resolve) => waiters.push({ row, resolve }));
    },
    async flush() {
      if (draining) await draining;
      if (buffer.length === 0) return;
      const error = await drain();
      if (error) throw error;
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(interval);
      const deadline = Date.now() + closeTimeoutMs;
      for (;;) {
        if (draining) await draining;
        const error = buffer.length > 0 ? await drain() : null;
        if (!error && buffer.length === 0) break;
        const wait = Math.min(Math.max(0, blockedUntil - Date.now()), deadline - Date.now());
        if (wait <= 0 && Date.now() >= deadline) break;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
      clearTimeout(retryTimer);
      const lost = [...buffer.takeAll(), ...waiters.map((waiter) => waiter.row)];
      if (lost.length > 0) {
        logger.error(
          { usage_records: lost.map(decodeUsageRow), count: lost.length },
          "usage records could not be written before shutdown; they are logged here in full",
        );
      }
      for (const waiter of waiters.splice(0)) waiter.resolve();
    },
    get pending() {
      return buffer.length + waiters.length;
    },
  };
}

async function announced(
  batch: readonly EncodedUsageRow[],
  write: (batch: readonly EncodedUsageRow[]) => Promise<void>,
): Promise<void> {
  if (!usageWriteChannel.hasSubscribers) return write(batch);
  usageWriteChannel.publish({ phase: "start", rows: batch.length });
  try {
    await write(batch);
  } finally {
    usageWriteChannel.publish({ phase: "end", rows: batch.length });
  }
}

function positive(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive integer`);
  return value;
}

/** PostgreSQL data exceptions (22xxx) and integrity violations (23xxx): retrying cannot help. */
function isDataError(error: unknown): boolean {
  if (!error || typeof error !== "object" || !("code" in error)) return false;
  const code = (error as { code: unknown }).code;
  return typeof code === "string" && /^2[23][0-9A-Z]{3}$/.test(code);
}
