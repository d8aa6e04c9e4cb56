/**
 * A gate for test fakes: while held, `pass()` waits until `release()`; open, it returns at once.
 * Lets a test hold a fake's work in flight and look at what happens meanwhile.
 */
export function testGate() {
  let closed: Promise<void> | null = null;
  let open = () => {};
  return {
    async pass(): Promise<void> {
      if (closed) await closed;
    },
    hold(): void {
      closed = new Promise((resolve) => {
        open = resolve;
      });
    },
    release(): void {
      closed = null;
      open();
    },
  };
}
