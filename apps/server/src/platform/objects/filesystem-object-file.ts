import type { FileHandle } from "node:fs/promises";
import { AppError } from "../errors/index.js";

/**
 * An object file is the content followed by a JSON trailer, its length (uint32 BE) and a magic
 * number. Keeping headers in the same file makes a put one atomic rename: a reader can never pair
 * new content with old headers, and an open file stays a consistent snapshot while it streams.
 */
const magic = Buffer.from("TRB1", "ascii");
const footerBytes = 8;

export interface StoredHeaders {
  readonly size: number;
  readonly etag: string;
  readonly contentType: string;
  readonly metadata: Record<string, string>;
}

export interface StoredObject extends StoredHeaders {
  readonly lastModified: Date;
}

export function encodeTrailer(headers: StoredHeaders): Buffer {
  const json = Buffer.from(JSON.stringify(headers), "utf8");
  const footer = Buffer.alloc(footerBytes);
  footer.writeUInt32BE(json.length, 0);
  magic.copy(footer, 4);
  return Buffer.concat([json, footer]);
}

export async function readTrailer(handle: FileHandle, key: string): Promise<StoredObject> {
  const stats = await handle.stat();
  const corrupt = (reason: string) =>
    new AppError("INTERNAL_ERROR", `Stored object is corrupt: ${reason}`, { details: { key } });
  if (stats.size < footerBytes) throw corrupt("too short");
  const footer = Buffer.alloc(footerBytes);
  await handle.read(footer, 0, footerBytes, stats.size - footerBytes);
  if (!footer.subarray(4).equals(magic)) throw corrupt("no trailer");
  const jsonLength = footer.readUInt32BE(0);
  const size = stats.size - footerBytes - jsonLength;
  if (size < 0) throw corrupt("bad trailer length");
  const json = Buffer.alloc(jsonLength);
  await handle.read(json, 0, jsonLength, size);
  const headers = JSON.parse(json.toString("utf8")) as StoredHeaders;
  if (headers.size !== size) throw corrupt("size mismatch");
  return { ...headers, lastModified: stats.mtime };
}
