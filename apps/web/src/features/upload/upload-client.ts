import type { Document } from "@tributary/contracts";
import { api } from "../../api/client";
import { type SpaceEventListener, subscribeToSpaceEvents } from "../../api/use-event-stream";

/** What the upload queue needs from the server; components take it as a prop so tests can fake it. */
export interface UploadClient {
  /** Sends one file into a notebook (`POST /api/v1/documents`), reporting bytes sent. */
  upload(input: {
    file: File;
    notebookId: string;
    onProgress: (loaded: number, total: number) => void;
    signal: AbortSignal;
  }): Promise<Document>;
  /** Re-reads one document, to catch up on events missed while the stream was down. */
  getDocument(documentId: string): Promise<Document>;
  /** Processes a stored document again (`POST /api/v1/documents/:id/reprocess`). */
  reprocess(documentId: string): Promise<Document>;
  /** Live events of the space; returns the unsubscribe. */
  subscribe(listener: SpaceEventListener): () => void;
}

export function apiUploadClient(spaceId: string): UploadClient {
  return {
    upload({ file, notebookId, onProgress, signal }) {
      const form = new FormData();
      // Fields before the file: the server reads the multipart body as a stream.
      form.append("notebook_id", notebookId);
      form.append("file", file, file.name);
      return api.upload<Document>("/api/v1/documents", form, { space: spaceId, onProgress, signal });
    },
    getDocument: (documentId) =>
      api.get<Document>(`/api/v1/documents/${encodeURIComponent(documentId)}`, { space: spaceId }),
    reprocess: (documentId) =>
      api.post<Document>(`/api/v1/documents/${encodeURIComponent(documentId)}/reprocess`, undefined, {
        space: spaceId,
      }),
    subscribe: (listener) => subscribeToSpaceEvents(spaceId, listener),
  };
}
