import { Worker } from "node:worker_threads";

/** A PGlite database served on a loopback port from a worker thread. */
export interface PgliteHost {
  readonly port: number;
  /** Writes the whole data directory as a tarball, e.g. to seed test databases quickly. */
  dump(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface StartPgliteOptions {
  /** Directory for the data files; `null` keeps everything in memory. */
  dataDir: string | null;
  /** A tarball made by `dump` to start from. */
  loadDumpFrom?: string;
  /** PostgreSQL `shared_buffers`, e.g. "16MB". */
  sharedBuffers?: string;
}

type WorkerMessage =
  | { type: "ready"; port: number }
  | { type: "dumped"; id: number }
  | { type: "closed" }
  | { type: "error"; id?: number; message: string };

export async function startPglite({
  dataDir,
  loadDumpFrom,
  sharedBuffers,
}: StartPgliteOptions): Promise<PgliteHost> {
  const worker = new Worker(new URL("./pglite-worker.mjs", import.meta.url), {
    workerData: { dataDir, loadDumpFrom, sharedBuffers },
  });
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let closed: (() => void) | undefined;

  const port = await new Promise<number>((resolve, reject) => {
    worker.once("error", reject);
    worker.on("message", (message: WorkerMessage) => {
      switch (message.type) {
        case "ready":
          resolve(message.port);
          return;
        case "dumped":
          pending.get(message.id)?.resolve();
          pending.delete(message.id);
          return;
        case "closed":
          closed?.();
          return;
        case "error": {
          const error = new Error(`PGlite worker: ${message.message}`);
          if (message.id === undefined) reject(error);
          else pending.get(message.id)?.reject(error);
          return;
        }
      }
    });
  });
  worker.unref();

  return {
    port,
    dump(path) {
      const id = nextId++;
      worker.ref();
      return new Promise<void>((resolve, reject) => {
        const settle = () => {
          pending.delete(id);
          if (pending.size === 0) worker.unref();
        };
        pending.set(id, {
          resolve: () => {
            settle();
            resolve();
          },
          reject: (error) => {
            settle();
            reject(error);
          },
        });
        worker.postMessage({ type: "dump", id, path });
      });
    },
    async close() {
      // Keep the process alive until the database has flushed and closed.
      worker.ref();
      await new Promise<void>((resolve) => {
        closed = resolve;
        worker.postMessage({ type: "close" });
        setTimeout(resolve, 5_000).unref();
      });
      await worker.terminate();
    },
  };
}
