/** A counting semaphore: at most `limit` tasks run at once, the rest wait in arrival order. */
export function createConcurrencyLimit(limit: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (running < limit) running += 1;
    // The slot passes straight from the releasing task to the next waiter, so `running` stays put.
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      release();
    }
  };
}

export type ConcurrencyLimit = ReturnType<typeof createConcurrencyLimit>;
