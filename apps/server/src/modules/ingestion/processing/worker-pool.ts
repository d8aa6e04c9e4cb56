import { Worker } from "node:worker_threads";

export interface WorkerPoolOptions {
  readonly size: number;
  /** Old-generation heap limit of each worker: a hostile file exhausts its worker, not the server. */
  readonly memoryMb: number;
  readonly entry?: URL;
  /** Handed to every worker the pool starts (`workerData`); test entries share state through it. */
  readonly workerData?: unknown;
}

/** Why a task did not produce a result. */
export class WorkerTaskError extends Error {
  constructor(
    readonly reason: "out_of_memory" | "timeout" | "crashed" | "cancelled",
    message: string,
  ) {
    super(message);
    this.name = "WorkerTaskError";
  }
}

/** What a worker posts: progress on a task, then its result. */
type WorkerMessage<Output, Progress> =
  | { id: number; progress: Progress }
  | { id: number; ok: boolean; value?: Output; error?: string };

interface Slot {
  worker: Worker;
  busy: boolean;
}

interface Waiter {
  resolve(slot: Slot): void;
  reject(error: Error): void;
}

const defaultEntry = new URL("./processing-worker-entry.mjs", import.meta.url);

export interface RunOptions<Progress> {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /**
   * What the worker reports before its result (`{ id, progress }` messages), e.g. a partial result
   * the caller can start on. Advisory: an error thrown here is ignored.
   */
  readonly onProgress?: (progress: Progress) => void;
}

/**
 * A small pool of worker threads for CPU-heavy document work (parsing, OCR, PII, chunking), so
 * the event loop that serves HTTP never runs it. A worker that crashes, runs out of memory or
 * overruns its time is terminated and replaced; only its task fails.
 */
export class WorkerPool<Input, Output, Progress = never> {
  private readonly slots: Slot[] = [];
  private readonly waiting: Waiter[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions) {}

  async run(input: Input, options: RunOptions<Progress>): Promise<Output> {
    const slot = await this.acquire();
    const id = this.nextId++;
    try {
      return await new Promise<Output>((resolve, reject) => {
        const { worker } = slot;
        let settled = false;
        const finish = (error: Error | null, value?: Output) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          worker.off("message", onMessage);
          worker.off("error", onError);
          worker.off("exit", onExit);
          options.signal?.removeEventListener("abort", onAbort);
          if (error) reject(error);
          else resolve(value as Output);
        };
        const onMessage = (message: WorkerMessage<Output, Progress>) => {
          if (message.id !== id || settled) return;
          if ("progress" in message) {
            try {
              options.onProgress?.(message.progress);
            } catch {
              // Progress only lets the caller start early; the result still comes.
            }
            return;
          }
          if (message.ok) finish(null, message.value);
          else finish(new Error(message.error ?? "The worker failed"));
        };
        const onError = (error: Error) => {
          const oom = /heap out of memory|ERR_WORKER_OUT_OF_MEMORY/i.test(
            `${(error as { code?: string }).code} ${error.message}`,
          );
          this.replace(slot);
          finish(
            new WorkerTaskError(
              oom ? "out_of_memory" : "crashed",
              oom
                ? `The document needs more than ${this.options.memoryMb} MB of memory to process`
                : error.message,
            ),
          );
        };
        const onExit = () => {
          this.replace(slot);
          finish(new WorkerTaskError("crashed", "The processing worker stopped unexpectedly"));
        };
        const stop = (error: WorkerTaskError) => {
          this.replace(slot);
          finish(error);
        };
        const onAbort = () => stop(new WorkerTaskError("cancelled", "Processing was cancelled"));
        const timer = setTimeout(
          () =>
            stop(
              new WorkerTaskError(
                "timeout",
                `Processing took longer than ${Math.round(options.timeoutMs / 1000)} s`,
              ),
            ),
          options.timeoutMs,
        );
        worker.on("message", onMessage);
        worker.once("error", onError);
        worker.once("exit", onExit);
        if (options.signal?.aborted) return onAbort();
        options.signal?.addEventListener("abort", onAbort, { once: true });
        worker.postMessage({ id, input });
      });
    } finally {
      this.release(slot);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiting.splice(0))
      waiter.reject(new WorkerTaskError("cancelled", "The pool is closed"));
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  /** Starts every worker now, idle, so the first task does not pay for loading the libraries. */
  prestart(): void {
    while (!this.closed && this.slots.length < this.options.size) {
      this.slots.push({ worker: this.spawnWorker(), busy: false });
    }
  }

  private spawnWorker(): Worker {
    const worker = new Worker(this.options.entry ?? defaultEntry, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb },
      workerData: this.options.workerData,
    });
    // A worker failing between tasks must not take the process down; its next task replaces it.
    worker.on("error", () => {});
    worker.unref();
    return worker;
  }

  private acquire(): Promise<Slot> {
    if (this.closed) return Promise.reject(new WorkerTaskError("cancelled", "The pool is closed"));
    const free = this.slots.find((slot) => !slot.busy);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    if (this.slots.length < this.options.size) {
      const slot: Slot = { worker: this.spawnWorker(), busy: true };
      this.slots.push(slot);
      return Promise.resolve(slot);
    }
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private release(slot: Slot): void {
    if (!this.slots.includes(slot)) return;
    const next = this.waiting.shift();
    if (next) next.resolve(slot);
    else slot.busy = false;
  }

  /** Terminates a broken or overrunning worker and puts a fresh one in the same slot. */
  private replace(slot: Slot): void {
    const old = slot.worker;
    old.removeAllListeners("message");
    old.removeAllListeners("exit");
    void old.terminate().catch(() => {});
    if (this.closed) return;
    slot.worker = this.spawnWorker();
  }
}
