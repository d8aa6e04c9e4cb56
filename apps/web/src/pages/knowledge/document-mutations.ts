import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Document } from "@tributary/contracts";
import { api } from "../../api/client";
import { knowledgeKeys } from "./knowledge-queries";

const documentPath = (id: string) => `/api/v1/documents/${encodeURIComponent(id)}`;

/** Processes the document again; its status then follows on the event stream. */
export function useReprocessDocument(spaceId: string, documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api.post<Document>(`${documentPath(documentId)}/reprocess`, undefined, { space: spaceId }),
    onSuccess: (document) => {
      queryClient.setQueryData(knowledgeKeys.document(spaceId, documentId), document);
      void queryClient.invalidateQueries({ queryKey: knowledgeKeys.documents(spaceId) });
    },
  });
}

/** Deletes the document; the caller leaves the page, then drops its queries with `forgetDocument`. */
export function useDeleteDocument(spaceId: string, documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(documentPath(documentId), { space: spaceId }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: knowledgeKeys.documents(spaceId) }),
        queryClient.invalidateQueries({ queryKey: knowledgeKeys.notebooks(spaceId) }),
      ]);
    },
  });
}

/** Saves the original file: the content route needs the bearer token, so a plain link cannot fetch it. */
export function useDownloadOriginal(spaceId: string, document: Document) {
  return useMutation({
    mutationFn: async () => {
      const response = await api.send("GET", `${documentPath(document.id)}/content`, {
        space: spaceId,
        headers: { accept: "*/*" },
      });
      const url = URL.createObjectURL(await response.blob());
      const link = window.document.createElement("a");
      link.href = url;
      link.download = document.original_name || document.name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
}

/** Drops a deleted document's cached record and chunks (after leaving its page, so nothing refetches them). */
export function forgetDocument(
  queryClient: ReturnType<typeof useQueryClient>,
  spaceId: string,
  documentId: string,
): void {
  queryClient.removeQueries({ queryKey: knowledgeKeys.document(spaceId, documentId) });
  queryClient.removeQueries({ queryKey: knowledgeKeys.chunks(spaceId, documentId) });
}
