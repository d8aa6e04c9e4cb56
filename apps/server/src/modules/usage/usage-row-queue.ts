import type { EncodedUsageRow } from "./encode-usage-row.js";

const defaultChunkBytes = 64 * 1024;
const initialSlots = 1024;

/**
 * Encoded usage rows waiting for their write, first in first out, held as UTF-8 bytes in
 * off-heap chunks (`Buffer`) rather than as strings on the JavaScript heap.
 *
 * A row waits up to a flush interval (a second by default), so at hundreds of calls a second
 * every waiting row was still alive at the next young-generation GC: V8 copied it once, then
 * promoted it, and those copies were about half of what each pause on the request path moved
 * (bench/gateway, `--trace-gc-nvp`). Bytes in a `Buffer`'s backing store are never copied or
 * scanned by the GC; a row becomes a string again only when its batch is written.
 *
 * Each row's place is kept in typed arrays (chunk number, start, end), which the GC does not scan
 * either. Rows never span chunks; a chunk is released once every row in it has been shifted out.
 */
export class UsageRowQueue {
  readonly #chunkBytes: number;
  /** Chunks holding queued rows, oldest first; `#chunks[0]` has the number `#firstChunk`. */
  #chunks: Buffer[] = [];
  #firstChunk = 0;
  /** Bytes used in the newest chunk. */
  #tailUsed = 0;
  /** A released chunk kept for the next one needed, so a steady flow allocates none. */
  #spare: Buffer | null = null;
  // A ring of row places: `#head` is the oldest row's slot, `#length` rows follow it.
  #rowChunk = new Float64Array(initialSlots);
  #rowStart = new Uint32Array(initialSlots);
  #rowEnd = new Uint32Array(initialSlots);
  #head = 0;
  #length = 0;

  constructor(chunkBytes = defaultChunkBytes) {
    if (!Number.isSafeInteger(chunkBytes) || chunkBytes < 1024) {
      throw new RangeError("chunkBytes must be an integer of at least 1024");
    }
    this.#chunkBytes = chunkBytes;
  }

  get length(): number {
    return this.#length;
  }

  push(row: EncodedUsageRow): void {
    // UTF-8 needs at most three bytes per UTF-16 code unit.
    const most = row.length * 3;
    let tail = this.#chunks[this.#chunks.length - 1];
    if (tail === undefined || this.#tailUsed + most > tail.length) tail = this.#addChunk(most);
    const start = this.#tailUsed;
    this.#tailUsed += tail.write(row, start, "utf8");
    if (this.#length === this.#rowStart.length) this.#grow();
    const slot = (this.#head + this.#length) % this.#rowStart.length;
    this.#rowChunk[slot] = this.#firstChunk + this.#chunks.length - 1;
    this.#rowStart[slot] = start;
    this.#rowEnd[slot] = this.#tailUsed;
    this.#length += 1;
  }

  /** The oldest `count` rows (fewer if fewer are queued), as strings, still queued. */
  peek(count: number): EncodedUsageRow[] {
    const rows: EncodedUsageRow[] = new Array(Math.min(count, this.#length));
    for (let index = 0; index < rows.length; index++) {
      const slot = (this.#head + index) % this.#rowStart.length;
      const chunk = this.#chunks[(this.#rowChunk[slot] as number) - this.#firstChunk] as Buffer;
      rows[index] = chunk.toString("utf8", this.#rowStart[slot], this.#rowEnd[slot]) as EncodedUsageRow;
    }
    return rows;
  }

  /** Drops the oldest `count` rows (all of them if fewer are queued). */
  shift(count: number): void {
    const dropped = Math.min(count, this.#length);
    this.#head = (this.#head + dropped) % this.#rowStart.length;
    this.#length -= dropped;
    // Chunks before the oldest remaining row's hold nothing queued any more; when no row remains,
    // the newest chunk starts over from its beginning.
    const keepFrom =
      this.#length === 0
        ? this.#firstChunk + this.#chunks.length - 1
        : (this.#rowChunk[this.#head] as number);
    while (this.#firstChunk < keepFrom) {
      this.#release(this.#chunks.shift() as Buffer);
      this.#firstChunk += 1;
    }
    if (this.#length === 0) this.#tailUsed = 0;
  }

  /** Every queued row as strings, oldest first; the queue is then empty. */
  takeAll(): EncodedUsageRow[] {
    const rows = this.peek(this.#length);
    this.shift(this.#length);
    return rows;
  }

  #addChunk(atLeast: number): Buffer {
    const spare = this.#spare;
    const chunk =
      spare !== null && spare.length >= atLeast
        ? spare
        : Buffer.allocUnsafeSlow(Math.max(this.#chunkBytes, atLeast));
    if (chunk === spare) this.#spare = null;
    this.#chunks.push(chunk);
    this.#tailUsed = 0;
    return chunk;
  }

  #release(chunk: Buffer): void {
    if (chunk.length === this.#chunkBytes) this.#spare = chunk;
  }

  #grow(): void {
    const size = this.#rowStart.length;
    const rowChunk = new Float64Array(size * 2);
    const rowStart = new Uint32Array(size * 2);
    const rowEnd = new Uint32Array(size * 2);
    for (let index = 0; index < this.#length; index++) {
      const slot = (this.#head + index) % size;
      rowChunk[index] = this.#rowChunk[slot] as number;
      rowStart[index] = this.#rowStart[slot] as number;
      rowEnd[index] = this.#rowEnd[slot] as number;
    }
    this.#rowChunk = rowChunk;
    this.#rowStart = rowStart;
    this.#rowEnd = rowEnd;
    this.#head = 0;
  }
}
