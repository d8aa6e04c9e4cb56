import { createHash, type Hash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { AppError } from "../errors/index.js";

/**
 * Counts (and optionally MD5-hashes) the bytes flowing through it, and fails the stream as soon
 * as a declared length is overrun or, at the end, not reached, so a wrong body is never committed.
 */
export class MeasuringStream extends Transform {
  bytes = 0;
  private readonly hash: Hash | undefined;

  constructor(
    private readonly declaredLength: number | undefined,
    options: { md5?: boolean } = {},
  ) {
    super();
    this.hash = options.md5 ? createHash("md5") : undefined;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.declaredLength !== undefined && this.bytes > this.declaredLength) {
      callback(this.lengthError());
      return;
    }
    this.hash?.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.declaredLength !== undefined && this.bytes !== this.declaredLength) {
      callback(this.lengthError());
      return;
    }
    callback();
  }

  /** The MD5 hex of everything seen; only after the stream has ended. */
  md5Hex(): string {
    if (!this.hash) throw new Error("MeasuringStream was created without md5");
    return this.hash.digest("hex");
  }

  private lengthError(): AppError {
    return new AppError("VALIDATION_ERROR", "Body length differs from the declared content length", {
      details: { declared: this.declaredLength, atLeast: this.bytes },
    });
  }
}
