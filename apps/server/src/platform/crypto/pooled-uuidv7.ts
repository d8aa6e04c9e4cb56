import { randomFillSync } from "node:crypto";
import { V7Generator } from "uuidv7";

/**
 * Random bits for UUIDv7s, drawn from the OS a few kilobytes at a time: the `uuidv7` package's
 * default asks `crypto.getRandomValues` for 32 bytes at a time, which costs more than the rest of
 * the id. Same generator otherwise (RFC 9562 layout, monotonic within this process).
 */
class PooledRandom {
  private readonly pool = new Uint32Array(1024);
  private cursor = this.pool.length;

  nextUint32(): number {
    if (this.cursor >= this.pool.length) {
      randomFillSync(this.pool);
      this.cursor = 0;
    }
    return this.pool[this.cursor++] as number;
  }
}

const generator = new V7Generator(new PooledRandom());

/** A new UUIDv7, for ids made on every request (request ids, usage records). */
export function pooledUuidV7(): string {
  return generator.generate().toString();
}
