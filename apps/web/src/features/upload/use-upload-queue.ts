import { useCallback, useEffect, useReducer, useRef } from "react";
import type { UploadClient } from "./upload-client";
import { isAbortError, uploadFailureFrom } from "./upload-failure";
import {
  initialUploadQueueState,
  nextToStart,
  type UploadQueueState,
  uploadQueueReducer,
} from "./upload-queue-state";

/** Files sent at once; more would only split the same bandwidth and hit the server's per-space limit. */
export const defaultUploadConcurrency = 3;

let lastItemId = 0;
function newItemId(): string {
  lastItemId += 1;
  return `upload-${Date.now().toString(36)}-${lastItemId}`;
}

export interface UploadQueue {
  readonly state: UploadQueueState;
  add(files: readonly File[], notebookId: string): void;
  cancel(id: string): void;
  retry(id: string): void;
  remove(id: string): void;
  clearFinished(): void;
}

/**
 * The upload queue of one page: starts queued files while fewer than `concurrency` upload, follows
 * each accepted file's processing on the event stream (never by polling) until processed or failed.
 */
export function useUploadQueue(client: UploadClient, concurrency = defaultUploadConcurrency): UploadQueue {
  const [state, dispatch] = useReducer(uploadQueueReducer, initialUploadQueueState);
  const stateRef = useRef(state);
  stateRef.current = state;
  const controllers = useRef(new Map<string, AbortController>());

  useEffect(() => {
    for (const id of nextToStart(state, concurrency)) {
      const item = state.items.find((candidate) => candidate.id === id);
      // An effect can run twice for one state (StrictMode); a started file must not be sent twice.
      if (!item || controllers.current.has(id)) continue;
      const controller = new AbortController();
      controllers.current.set(id, controller);
      dispatch({ type: "started", id });
      client
        .upload({
          file: item.file,
          notebookId: item.notebookId,
          signal: controller.signal,
          onProgress: (loaded, total) => dispatch({ type: "progressed", id, loaded, total }),
        })
        .then(
          (document) => {
            // A cancelled upload the server finished anyway stays cancelled (a retry sends it again).
            if (!controller.signal.aborted) dispatch({ type: "uploaded", id, document });
          },
          (error: unknown) => {
            if (controller.signal.aborted || isAbortError(error)) return;
            dispatch({ type: "failed", id, failure: uploadFailureFrom(error) });
          },
        )
        .finally(() => {
          if (controllers.current.get(id) === controller) controllers.current.delete(id);
        });
    }
  }, [state, client, concurrency]);

  useEffect(
    () =>
      client.subscribe((event) => {
        if (event.type === "document.status") {
          dispatch({
            type: "documentStatus",
            documentId: event.data.document_id,
            status: event.data.status,
            error: event.data.error ?? null,
          });
        } else if (event.type === "document.progress") {
          dispatch({
            type: "documentProgress",
            documentId: event.data.document_id,
            step: event.data.step,
            stepNumber: event.data.step_number,
            steps: event.data.steps,
            chunkCount: event.data.chunk_count ?? null,
          });
        } else if (event.type === "connected" && event.reconnected) {
          // Events sent while the stream was down are gone: read the files still processing once.
          for (const item of stateRef.current.items) {
            if (item.phase !== "processing" || !item.documentId) continue;
            const documentId = item.documentId;
            client.getDocument(documentId).then(
              (document) =>
                dispatch({
                  type: "documentStatus",
                  documentId,
                  status: document.status,
                  error: document.error,
                }),
              () => undefined, // The next event or reconnect tells; a failed read changes nothing.
            );
          }
        }
      }),
    [client],
  );

  // Leaving the page aborts the uploads in flight: abort them explicitly, and warn before unloading.
  useEffect(() => {
    const inFlight = controllers.current;
    return () => {
      for (const controller of inFlight.values()) controller.abort();
    };
  }, []);
  const uploading = state.items.some((item) => item.phase === "uploading" || item.phase === "queued");
  useEffect(() => {
    if (!uploading) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [uploading]);

  const add = useCallback((files: readonly File[], notebookId: string) => {
    if (files.length === 0) return;
    dispatch({ type: "added", notebookId, files: files.map((file) => ({ id: newItemId(), file })) });
  }, []);

  const cancel = useCallback((id: string) => {
    controllers.current.get(id)?.abort();
    controllers.current.delete(id);
    dispatch({ type: "cancelled", id });
  }, []);

  const retry = useCallback(
    (id: string) => {
      const item = stateRef.current.items.find((candidate) => candidate.id === id);
      if (!item) return;
      dispatch({ type: "retried", id });
      if (item.phase === "failed" && item.failure?.stage === "processing" && item.documentId) {
        client
          .reprocess(item.documentId)
          .catch((error: unknown) =>
            dispatch({ type: "failed", id, failure: { ...uploadFailureFrom(error), stage: "processing" } }),
          );
      }
    },
    [client],
  );

  const remove = useCallback((id: string) => dispatch({ type: "removed", id }), []);
  const clearFinished = useCallback(() => dispatch({ type: "clearedFinished" }), []);

  return { state, add, cancel, retry, remove, clearFinished };
}
