/** A background loop that runs `pass` again when woken, or after the delay the last pass asked for. */
export interface RelayLoop {
  start(): void;
  /** Runs the next pass now (or right after the current one). */
  wake(): void;
  /** Ends the loop after the pass in flight, waiting for it at most `timeoutMs`. */
  stop(timeoutMs: number): Promise<void>;
  readonly running: boolean;
}

export interface RelayLoopOptions {
  /** One unit of work; resolves to how long to wait before the next pass (0 = at once). */
  pass: () => Promise<number>;
  /** Upper bound on any wait, so work is found even when nobody wakes the loop. */
  pollIntervalMs: number;
  onError: (error: unknown) => void;
  /** How long to back off after a failed pass (the database or broker may be down). */
  errorDelayMs?: number;
}

export function createRelayLoop(options: RelayLoopOptions): RelayLoop {
  let running = false;
  let woken = false;
  let interrupt: () => void = () => {};
  let done: Promise<void> = Promise.resolve();

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(finish, ms);
      function finish() {
        clearTimeout(timer);
        interrupt = () => {};
        resolve();
      }
      interrupt = finish;
    });

  const run = async () => {
    while (running) {
      woken = false;
      let delayMs: number;
      try {
        delayMs = Math.min(options.pollIntervalMs, await options.pass());
      } catch (error) {
        options.onError(error);
        delayMs = options.errorDelayMs ?? options.pollIntervalMs * 4;
      }
      if (!running) break;
      if (woken || delayMs <= 0) continue;
      await pause(delayMs);
    }
  };

  return {
    start() {
      if (running) return;
      running = true;
      done = run();
    },
    wake() {
      woken = true;
      interrupt();
    },
    async stop(timeoutMs) {
      running = false;
      interrupt();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([done, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timer);
    },
    get running() {
      return running;
    },
  };
}
