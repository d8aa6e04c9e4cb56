import { AppError } from "../errors/index.js";
import type { PutObjectOptions } from "./port.js";

export const defaultContentType = "application/octet-stream";
// S3 caps user metadata at 2 KB of names and values together.
const maxMetadataBytes = 2048;
const metadataName = /^[a-z0-9][a-z0-9-]*$/;
const printableAscii = /^[\x20-\x7e]*$/;

export interface CheckedPutOptions {
  readonly contentType: string;
  readonly contentLength: number | undefined;
  readonly metadata: Record<string, string>;
}

function refuse(message: string, details: Record<string, unknown>): never {
  throw new AppError("VALIDATION_ERROR", message, { details });
}

/**
 * One set of rules for both stores, shaped by what S3 can carry in headers, so an object written
 * to the filesystem store could move to S3 unchanged.
 */
export function checkPutOptions(options: PutObjectOptions = {}): CheckedPutOptions {
  const contentType = options.contentType ?? defaultContentType;
  if (contentType === "" || contentType.length > 255 || !printableAscii.test(contentType)) {
    refuse("Invalid content type: 1 to 255 printable ASCII characters", { contentType });
  }
  const { contentLength } = options;
  if (contentLength !== undefined && (!Number.isSafeInteger(contentLength) || contentLength < 0)) {
    refuse("Invalid content length: a non-negative integer", { contentLength });
  }
  const metadata: Record<string, string> = {};
  let bytes = 0;
  for (const [name, value] of Object.entries(options.metadata ?? {})) {
    if (!metadataName.test(name))
      refuse("Invalid metadata name: lower-case letters, digits and '-'", { name });
    if (typeof value !== "string" || !printableAscii.test(value)) {
      refuse("Invalid metadata value: printable ASCII only", { name });
    }
    bytes += name.length + value.length;
    metadata[name] = value;
  }
  if (bytes > maxMetadataBytes) refuse(`Metadata exceeds ${maxMetadataBytes} bytes`, { bytes });
  return { contentType, contentLength, metadata };
}

/** Refuses a body whose length differs from the declared one. */
export function checkDeclaredLength(declared: number | undefined, actual: number): void {
  if (declared !== undefined && declared !== actual) {
    refuse("Body length differs from the declared content length", { declared, actual });
  }
}
