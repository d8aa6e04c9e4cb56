import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createInflateRaw } from "node:zlib";
import { ExtractionFailure } from "../types.js";
import { entryDataOffset, type ZipEntry } from "./zip-directory.js";

const INFLATE_CHUNK_BYTES = 64 * 1024;

export interface InflateOptions {
  /** Stop (and fail with `tooLarge`) once more than this many bytes have come out. */
  readonly maxBytes: number;
  readonly tooLarge: (entry: ZipEntry) => ExtractionFailure;
  /** Receives each inflated chunk; omit it to only count (the safety scan). */
  readonly onChunk?: (chunk: Buffer) => void;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Inflates one entry straight from the file, chunk by chunk, so memory stays flat however large
 * the entry claims (or turns out) to be. Returns the number of bytes it inflated to.
 */
export async function inflateEntry(path: string, entry: ZipEntry, options: InflateOptions): Promise<number> {
  if (entry.encrypted) {
    throw new ExtractionFailure(
      "encrypted",
      `The document is encrypted (entry ${entry.name} needs a password)`,
    );
  }
  if (entry.method !== 0 && entry.method !== 8) {
    throw new ExtractionFailure(
      "corrupt",
      `The document uses an unsupported ZIP compression method (${entry.method}) for ${entry.name}`,
    );
  }
  if (entry.compressedSize === 0) return 0;
  const start = await entryDataOffset(path, entry);
  const input = createReadStream(path, { start, end: start + entry.compressedSize - 1 });
  let total = 0;
  // pipeline() reports its own AbortError when the consumer throws, so keep our reason aside.
  let stopped: ExtractionFailure | null = null;
  const consume = async (source: Readable | AsyncIterable<Buffer>): Promise<void> => {
    for await (const chunk of source) {
      const buffer = chunk as Buffer;
      total += buffer.length;
      if (total > options.maxBytes) {
        stopped = options.tooLarge(entry);
        throw stopped;
      }
      options.onChunk?.(buffer);
    }
  };
  try {
    if (entry.method === 0) await pipeline(input, consume);
    else await pipeline(input, createInflateRaw({ chunkSize: INFLATE_CHUNK_BYTES }), consume);
  } catch (error) {
    if (stopped) throw stopped;
    if (error instanceof ExtractionFailure) throw error;
    throw new ExtractionFailure(
      "corrupt",
      `The document is damaged: ${entry.name} cannot be inflated (${describe(error)})`,
    );
  }
  return total;
}
