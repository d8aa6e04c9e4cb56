import { ApiError } from "../../api/api-error";
import type { UploadFailure } from "./upload-queue-state";

const supportedTypes = "PDF, Word, PowerPoint, Excel, CSV, HTML, Markdown, text, RTF, ODT and images";

/** What to do about a refused upload, where the status says more than the API's message. */
function uploadHint(error: ApiError): string | null {
  if (error.status === 415) return `Upload one of the supported types: ${supportedTypes}.`;
  if (error.status === 413) return "Choose a smaller file (or split it), or ask an admin to raise the limit.";
  if (error.status === 429) return "Too many uploads at once: wait a moment, then retry this file.";
  return error.hint;
}

/** An upload's error as plain data for the queue: the API's message and what to do next. */
export function uploadFailureFrom(error: unknown): UploadFailure {
  if (error instanceof ApiError) {
    return {
      message: error.message,
      hint: uploadHint(error),
      status: error.status || null,
      requestId: error.requestId ?? null,
      stage: "upload",
    };
  }
  return {
    message: error instanceof Error ? error.message : String(error),
    hint: "Try again; if it keeps failing, reload the page.",
    status: null,
    requestId: null,
    stage: "upload",
  };
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException
    ? error.name === "AbortError"
    : (error as Error)?.name === "AbortError";
}
