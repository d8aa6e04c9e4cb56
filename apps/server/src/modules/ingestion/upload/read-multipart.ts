import type { FastifyRequest } from "fastify";
import { AppError } from "../../../platform/errors/index.js";
import { type SpooledFile, spoolUpload } from "./spool-upload.js";

export interface ReceivedFile {
  readonly fileName: string;
  readonly file: SpooledFile;
}

export interface MultipartUpload {
  readonly fields: Readonly<Record<string, string>>;
  readonly files: readonly ReceivedFile[];
  /** Removes every spooled file. */
  dispose(): Promise<void>;
}

/**
 * Reads a multipart body, spooling each `file` part to disk as it streams (never into memory),
 * up to `maxFiles` files of at most `maxBytes` each. Anything else is a 4xx, with nothing kept.
 */
export async function readMultipart(
  request: FastifyRequest,
  options: { maxBytes: number; maxFiles: number },
): Promise<MultipartUpload> {
  // The multipart plugin is registered around the routes that declare `multipart: true` only.
  if (typeof request.isMultipart !== "function") {
    throw new Error("readMultipart is for routes declared with `multipart: true`");
  }
  if (!request.isMultipart()) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the file as multipart/form-data with a `file` part");
  }
  const fields: Record<string, string> = {};
  const files: ReceivedFile[] = [];
  const dispose = async () => {
    await Promise.all(files.map((received) => received.file.dispose()));
  };
  try {
    for await (const part of request.parts({
      limits: { fileSize: options.maxBytes + 1, files: options.maxFiles + 1 },
    })) {
      if (part.type === "file") {
        if (part.fieldname !== "file" && part.fieldname !== "files") {
          part.file.resume();
          throw new AppError("VALIDATION_ERROR", `Unexpected file field ${part.fieldname}: use \`file\``);
        }
        if (files.length >= options.maxFiles) {
          part.file.resume();
          throw new AppError("VALIDATION_ERROR", `At most ${options.maxFiles} files per request`);
        }
        const file = await spoolUpload(part.file, options.maxBytes);
        files.push({ fileName: part.filename ?? "", file });
      } else if (typeof part.value === "string") {
        // PostgreSQL text cannot hold NUL: refuse it here rather than fail the insert later.
        if (part.value.includes("\u0000")) {
          throw new AppError("VALIDATION_ERROR", `The field ${part.fieldname} contains a NUL character`, {
            details: { field: part.fieldname },
          });
        }
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    await dispose();
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE") {
      throw new AppError(
        "PAYLOAD_TOO_LARGE",
        `The file exceeds the maximum size of ${options.maxBytes} bytes`,
      );
    }
    throw new AppError(
      "VALIDATION_ERROR",
      `The multipart body could not be read: ${(error as Error).message}`,
    );
  }
  if (files.length === 0) {
    throw new AppError("VALIDATION_ERROR", "The request has no `file` part", { details: { field: "file" } });
  }
  return { fields, files, dispose };
}

/** `tags` as a JSON array of strings or a comma-separated list (the web form sends either). */
export function parseTags(raw: string | undefined): string[] {
  if (!raw) return [];
  let values: unknown;
  try {
    values = raw.trim().startsWith("[") ? JSON.parse(raw) : raw.split(",");
  } catch {
    throw new AppError("VALIDATION_ERROR", "tags must be a JSON array of strings or a comma-separated list");
  }
  if (!Array.isArray(values) || values.some((tag) => typeof tag !== "string")) {
    throw new AppError("VALIDATION_ERROR", "tags must be a JSON array of strings");
  }
  const tags = [...new Set(values.map((tag: string) => tag.trim()).filter(Boolean))];
  if (tags.length > 50 || tags.some((tag) => tag.length > 64)) {
    throw new AppError("VALIDATION_ERROR", "At most 50 tags of at most 64 characters");
  }
  return tags;
}
