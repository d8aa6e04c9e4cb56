import type { DocumentStatus } from "@tributary/contracts";
import type { ProcessingStep } from "../../api/use-event-stream";

/**
 * Where one file is: waiting for a free upload slot, sending its bytes, being processed by the
 * server, done, failed (while uploading or while processing) or cancelled by the user.
 */
export type UploadPhase = "queued" | "uploading" | "processing" | "processed" | "failed" | "cancelled";

/** An error as the row shows it: the API's message plus what to do, kept as plain data. */
export interface UploadFailure {
  readonly message: string;
  readonly hint: string | null;
  readonly status: number | null;
  readonly requestId: string | null;
  /** `upload`: the server refused or never got the file; `processing`: it failed after upload. */
  readonly stage: "upload" | "processing";
}

export interface UploadItem {
  readonly id: string;
  readonly file: File;
  readonly notebookId: string;
  readonly phase: UploadPhase;
  /** 0–1: the share of the request sent (it carries form fields besides the file's bytes). */
  readonly sentFraction: number;
  /** Set once the server accepted the file. */
  readonly documentId: string | null;
  readonly failure: UploadFailure | null;
  /** The document is byte-identical to an earlier one of the tenant. */
  readonly duplicateOf: string | null;
  /** Where processing is, once the server said (`document.progress`); null before that. */
  readonly processingStep: ProcessingStepInfo | null;
}

export interface ProcessingStepInfo {
  readonly step: ProcessingStep;
  /** 1-based, of `steps`. */
  readonly stepNumber: number;
  readonly steps: number;
  readonly chunkCount: number | null;
}

/** A document status heard on the event stream (the upload may not have answered yet). */
interface HeardStatus {
  readonly status: DocumentStatus;
  readonly error: string | null;
}

export interface UploadQueueState {
  readonly items: readonly UploadItem[];
  /**
   * The latest status heard per document. Processing can finish before the upload's response
   * arrives (a tiny file, a fast worker); the response then takes the status from here.
   */
  readonly heard: Readonly<Record<string, HeardStatus>>;
}

export type UploadQueueAction =
  | {
      readonly type: "added";
      readonly files: readonly { readonly id: string; readonly file: File }[];
      readonly notebookId: string;
    }
  | { readonly type: "started"; readonly id: string }
  | { readonly type: "progressed"; readonly id: string; readonly loaded: number; readonly total: number }
  | {
      readonly type: "uploaded";
      readonly id: string;
      readonly document: {
        readonly id: string;
        readonly status: DocumentStatus;
        readonly error: string | null;
        readonly duplicate_of: string | null;
      };
    }
  /** The upload, or a retry's reprocess request, was refused (a cancelled upload is not a failure). */
  | { readonly type: "failed"; readonly id: string; readonly failure: UploadFailure }
  | {
      readonly type: "documentStatus";
      readonly documentId: string;
      readonly status: DocumentStatus;
      readonly error: string | null;
    }
  | ({ readonly type: "documentProgress"; readonly documentId: string } & ProcessingStepInfo)
  | { readonly type: "cancelled"; readonly id: string }
  | { readonly type: "retried"; readonly id: string }
  | { readonly type: "removed"; readonly id: string }
  | { readonly type: "clearedFinished" };

export const initialUploadQueueState: UploadQueueState = { items: [], heard: {} };

/** Documents heard about but not (yet) in the queue; bounded so a busy space cannot grow it forever. */
const maxHeard = 500;

export function uploadQueueReducer(state: UploadQueueState, action: UploadQueueAction): UploadQueueState {
  switch (action.type) {
    case "added":
      return {
        ...state,
        items: [
          ...state.items,
          ...action.files.map(
            ({ id, file }): UploadItem => ({
              id,
              file,
              notebookId: action.notebookId,
              phase: "queued",
              sentFraction: 0,
              documentId: null,
              failure: null,
              duplicateOf: null,
              processingStep: null,
            }),
          ),
        ],
      };
    case "started":
      return update(state, action.id, (item) =>
        item.phase === "queued" ? { ...item, phase: "uploading", sentFraction: 0, failure: null } : item,
      );
    case "progressed":
      return update(state, action.id, (item) =>
        item.phase === "uploading" && action.total > 0
          ? { ...item, sentFraction: Math.min(1, action.loaded / action.total) }
          : item,
      );
    case "uploaded":
      return update(state, action.id, (item) => {
        if (item.phase !== "uploading") return item;
        const heard = state.heard[action.document.id];
        const status = heard && isFinished(heard.status) ? heard : action.document;
        return withDocumentStatus(
          {
            ...item,
            sentFraction: 1,
            documentId: action.document.id,
            duplicateOf: action.document.duplicate_of,
          },
          status.status,
          status.error,
        );
      });
    case "failed":
      return update(state, action.id, (item) =>
        isActive(item) ? { ...item, phase: "failed", failure: action.failure } : item,
      );
    case "documentStatus": {
      const heardEntries = Object.entries(state.heard).filter(([id]) => id !== action.documentId);
      const heard = Object.fromEntries([
        ...heardEntries.slice(Math.max(0, heardEntries.length - maxHeard + 1)),
        [action.documentId, { status: action.status, error: action.error }],
      ]);
      return {
        heard,
        items: state.items.map((item) =>
          item.documentId === action.documentId && item.phase !== "cancelled"
            ? withDocumentStatus(item, action.status, action.error)
            : item,
        ),
      };
    }
    case "documentProgress": {
      const { type: _type, documentId, ...step } = action;
      return {
        ...state,
        items: state.items.map((item) =>
          item.documentId === documentId &&
          item.phase === "processing" &&
          // Events of one document arrive in order; an older one after a retry is ignored.
          (item.processingStep === null || item.processingStep.stepNumber <= step.stepNumber)
            ? { ...item, processingStep: step }
            : item,
        ),
      };
    }
    case "cancelled":
      return update(state, action.id, (item) =>
        item.phase === "queued" || item.phase === "uploading" ? { ...item, phase: "cancelled" } : item,
      );
    case "retried":
      return update(state, action.id, (item) => {
        if (item.phase === "cancelled" || (item.phase === "failed" && item.failure?.stage === "upload")) {
          return { ...item, phase: "queued", sentFraction: 0, failure: null, documentId: null };
        }
        // A processing failure is retried by reprocessing the stored document, not by uploading again.
        if (item.phase === "failed" && item.failure?.stage === "processing") {
          return { ...item, phase: "processing", failure: null, processingStep: null };
        }
        return item;
      });
    case "removed":
      return { ...state, items: state.items.filter((item) => item.id !== action.id || isActive(item)) };
    case "clearedFinished":
      return { ...state, items: state.items.filter(isActive) };
  }
}

function update(
  state: UploadQueueState,
  id: string,
  change: (item: UploadItem) => UploadItem,
): UploadQueueState {
  return { ...state, items: state.items.map((item) => (item.id === id ? change(item) : item)) };
}

function withDocumentStatus(item: UploadItem, status: DocumentStatus, error: string | null): UploadItem {
  switch (status) {
    case "processed":
      return { ...item, phase: "processed", failure: null };
    case "failed":
      return {
        ...item,
        phase: "failed",
        failure: {
          message: error || "Processing failed",
          hint: "Check the file opens on your computer, then try again; a damaged or password-protected file cannot be read.",
          status: null,
          requestId: null,
          stage: "processing",
        },
      };
    case "uploading":
    case "processing":
      return { ...item, phase: "processing", failure: null };
    case "archived":
    case "deleted":
      // Someone removed it meanwhile: nothing more will happen to it.
      return { ...item, phase: "cancelled" };
  }
}

function isFinished(status: DocumentStatus): boolean {
  return status !== "uploading" && status !== "processing";
}

/** Queued, uploading or processing: the row still changes on its own. */
export function isActive(item: UploadItem): boolean {
  return item.phase === "queued" || item.phase === "uploading" || item.phase === "processing";
}

/** The queued files to start now so that at most `limit` upload at once, in the order they were added. */
export function nextToStart(state: UploadQueueState, limit: number): string[] {
  const running = state.items.filter((item) => item.phase === "uploading").length;
  const free = Math.max(0, limit - running);
  return state.items
    .filter((item) => item.phase === "queued")
    .slice(0, free)
    .map((item) => item.id);
}

export interface UploadQueueSummary {
  readonly total: number;
  readonly active: number;
  readonly processed: number;
  readonly failed: number;
}

export function summarize(state: UploadQueueState): UploadQueueSummary {
  return {
    total: state.items.length,
    active: state.items.filter(isActive).length,
    processed: state.items.filter((item) => item.phase === "processed").length,
    failed: state.items.filter((item) => item.phase === "failed").length,
  };
}
