/**
 * Watches the worker thread inside a tesseract.js worker, which tesseract.js itself does not:
 * if the thread dies mid-job its promise would never settle, and an 'error' event with no
 * listener would crash the process. Also lets an idle worker not keep the process alive.
 */
import { EventEmitter } from "node:events";

export interface ThreadWatch {
  alive(): boolean;
  /** Keep the process alive while a job runs. */
  hold(): void;
  /** Let the process exit while the worker is idle. */
  release(): void;
  /** `job`, unless the thread dies or `timeoutMs` passes first. */
  race<T>(job: Promise<T>, timeoutMs: number): Promise<T>;
}

interface RefCountedThread extends EventEmitter {
  ref(): void;
  unref(): void;
}

function isThread(value: unknown): value is RefCountedThread {
  return (
    value instanceof EventEmitter &&
    typeof Reflect.get(value, "ref") === "function" &&
    typeof Reflect.get(value, "unref") === "function"
  );
}

/** `owner` is a tesseract.js worker; its `worker` field (not in its types) is the Node thread. */
export function attachThreadWatch(owner: object): ThreadWatch {
  const candidate: unknown = Reflect.get(owner, "worker");
  const thread = isThread(candidate) ? candidate : undefined;
  let death: Error | undefined;
  const deathListeners = new Set<(error: Error) => void>();
  const die = (error: Error) => {
    death ??= error;
    for (const listener of deathListeners) listener(death);
  };
  thread?.on("error", (error: unknown) => die(error instanceof Error ? error : new Error(String(error))));
  thread?.on("exit", (code: number) => die(new Error(`OCR worker stopped (exit code ${code})`)));
  thread?.unref();

  return {
    alive: () => death === undefined,
    hold: () => thread?.ref(),
    release: () => thread?.unref(),
    race<T>(job: Promise<T>, timeoutMs: number): Promise<T> {
      if (death !== undefined) return Promise.reject(death);
      return new Promise<T>((resolve, reject) => {
        const onDeath = (error: Error) => finish(() => reject(error));
        const timer = setTimeout(
          () => finish(() => reject(new Error(`OCR took longer than ${Math.round(timeoutMs / 1000)} s`))),
          timeoutMs,
        );
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          deathListeners.delete(onDeath);
          settle();
        };
        deathListeners.add(onDeath);
        job.then(
          (value) => finish(() => resolve(value)),
          (error: unknown) => finish(() => reject(error)),
        );
      });
    },
  };
}
