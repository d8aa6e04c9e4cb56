import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "../../../platform/errors/index.js";

export interface SpooledFile {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
  readonly md5: string;
  /** Removes the temporary copy. */
  dispose(): Promise<void>;
}

/**
 * Streams an upload to a temporary file while hashing it (SHA-256 and MD5) and counting bytes, so
 * the file is never held in memory; past `maxBytes` the upload stops with 413 and nothing is kept.
 */
export async function spoolUpload(source: Readable, maxBytes: number): Promise<SpooledFile> {
  const dir = await mkdtemp(path.join(tmpdir(), "tributary-upload-"));
  const file = path.join(dir, "upload");
  const sha256 = createHash("sha256");
  const md5 = createHash("md5");
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes) {
        callback(
          new AppError("PAYLOAD_TOO_LARGE", `The file exceeds the maximum size of ${maxBytes} bytes`, {
            details: { max_file_size: maxBytes },
          }),
        );
        return;
      }
      sha256.update(chunk);
      md5.update(chunk);
      callback(null, chunk);
    },
  });
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    await pipeline(source, meter, createWriteStream(file));
  } catch (error) {
    // Drain what the client still sends so the connection can answer.
    source.resume();
    await dispose();
    throw error;
  }
  return { path: file, size, sha256: sha256.digest("hex"), md5: md5.digest("hex"), dispose };
}
