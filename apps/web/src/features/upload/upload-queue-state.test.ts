import { describe, expect, it } from "vitest";
import {
  initialUploadQueueState,
  nextToStart,
  type UploadQueueAction,
  type UploadQueueState,
  uploadQueueReducer,
} from "./upload-queue-state";

const file = (name: string) => new File(["data"], name);
const run = (actions: UploadQueueAction[], state: UploadQueueState = initialUploadQueueState) =>
  actions.reduce(uploadQueueReducer, state);
const added: UploadQueueAction = {
  type: "added",
  notebookId: "nb",
  files: [
    { id: "a", file: file("a.txt") },
    { id: "b", file: file("b.txt") },
    { id: "c", file: file("c.txt") },
  ],
};
const refused = {
  message: "Too many uploads",
  hint: null,
  status: 429,
  requestId: null,
  stage: "upload" as const,
};

describe("uploadQueueReducer", () => {
  it("starts files in order up to the limit", () => {
    const state = run([added, { type: "started", id: "a" }]);
    expect(nextToStart(state, 2)).toEqual(["b"]);
    expect(nextToStart(state, 1)).toEqual([]);
  });

  it("ignores progress and answers for a cancelled upload", () => {
    const state = run([
      added,
      { type: "started", id: "a" },
      { type: "cancelled", id: "a" },
      { type: "progressed", id: "a", loaded: 3, total: 4 },
      { type: "failed", id: "a", failure: refused },
    ]);
    expect(state.items[0]).toMatchObject({ phase: "cancelled", sentFraction: 0, failure: null });
  });

  it("retries a refused upload from the start, and a failed processing as processing", () => {
    const uploadFailed = run([
      added,
      { type: "started", id: "a" },
      { type: "failed", id: "a", failure: refused },
    ]);
    expect(run([{ type: "retried", id: "a" }], uploadFailed).items[0]).toMatchObject({
      phase: "queued",
      failure: null,
    });

    const processingFailed = run([
      added,
      { type: "started", id: "b" },
      {
        type: "uploaded",
        id: "b",
        document: { id: "d", status: "processing", error: null, duplicate_of: null },
      },
      { type: "documentStatus", documentId: "d", status: "failed", error: "Encrypted PDF" },
    ]);
    expect(processingFailed.items[1]?.failure).toMatchObject({
      message: "Encrypted PDF",
      stage: "processing",
    });
    expect(run([{ type: "retried", id: "b" }], processingFailed).items[1]).toMatchObject({
      phase: "processing",
      documentId: "d",
    });
  });

  it("keeps active files when finished ones are cleared", () => {
    const state = run([
      added,
      { type: "started", id: "a" },
      {
        type: "uploaded",
        id: "a",
        document: { id: "d", status: "processed", error: null, duplicate_of: null },
      },
      { type: "removed", id: "b" },
      { type: "clearedFinished" },
    ]);
    expect(state.items.map((item) => item.id)).toEqual(["b", "c"]);
  });

  it("remembers a bounded number of statuses heard before their upload answered", () => {
    let state = initialUploadQueueState;
    for (let index = 0; index < 600; index += 1) {
      state = uploadQueueReducer(state, {
        type: "documentStatus",
        documentId: `d${index}`,
        status: "processed",
        error: null,
      });
    }
    expect(Object.keys(state.heard)).toHaveLength(500);
    expect(state.heard.d599).toEqual({ status: "processed", error: null });
    expect(state.heard.d0).toBeUndefined();
  });

  it("follows the processing steps of its document, in order, and forgets them on a retry", () => {
    const uploaded: UploadQueueAction = {
      type: "uploaded",
      id: "a",
      document: { id: "doc-a", status: "processing", error: null, duplicate_of: null },
    };
    const step = (
      stepNumber: number,
      chunkCount: number | null,
      documentId = "doc-a",
    ): UploadQueueAction => ({
      type: "documentProgress",
      documentId,
      step: (["extracting", "indexing", "storing"] as const)[stepNumber - 1] ?? "storing",
      stepNumber,
      steps: 3,
      chunkCount,
    });
    const processing = run([added, { type: "started", id: "a" }, uploaded, step(2, 12)]);
    expect(processing.items[0]?.processingStep).toEqual({
      step: "indexing",
      stepNumber: 2,
      steps: 3,
      chunkCount: 12,
    });
    // Another document's step, and an older step of this one, change nothing.
    const later = run([step(3, 99, "doc-b"), step(1, null)], processing);
    expect(later.items[0]?.processingStep?.stepNumber).toBe(2);
    expect(later.items[1]?.processingStep).toBeNull();

    const failed = run(
      [{ type: "documentStatus", documentId: "doc-a", status: "failed", error: "Broken file" }],
      processing,
    );
    expect(run([{ type: "retried", id: "a" }], failed).items[0]).toMatchObject({
      phase: "processing",
      processingStep: null,
    });
  });
});
