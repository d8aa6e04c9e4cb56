import { useQueryClient } from "@tanstack/react-query";
import type { Document } from "@tributary/contracts";
import { useEffect, useRef } from "react";
import { type DocumentStatusEvent, useEventStream } from "../../api/use-event-stream";
import { type DocumentPages, knowledgeKeys } from "./knowledge-queries";

/** Refetches lists at most this often while events pour in (a batch upload sends many). */
const refetchDelayMs = 300;

/**
 * Keeps the knowledge queries current from the space's event stream: a status shows at once in
 * every cached list and document, and the lists and notebook counters are refetched shortly after.
 * After a reconnect everything is refetched, since events sent meanwhile are lost.
 */
export function useLiveKnowledgeUpdates(spaceId: string) {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  function refetchSoon() {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void queryClient.invalidateQueries({ queryKey: knowledgeKeys.documents(spaceId) });
      void queryClient.invalidateQueries({ queryKey: knowledgeKeys.notebooks(spaceId) });
    }, refetchDelayMs);
  }

  function applyStatus(event: DocumentStatusEvent) {
    const { document_id: id, status } = event.data;
    const patch = (document: Document): Document =>
      document.id === id
        ? {
            ...document,
            status,
            ...(event.data.error !== undefined ? { error: event.data.error } : {}),
            ...(event.data.chunk_count !== undefined ? { chunk_count: event.data.chunk_count } : {}),
          }
        : document;
    queryClient.setQueriesData<DocumentPages>({ queryKey: knowledgeKeys.documents(spaceId) }, (data) =>
      data ? { ...data, pages: data.pages.map((page) => ({ ...page, data: page.data.map(patch) })) } : data,
    );
    queryClient.setQueryData<Document>(knowledgeKeys.document(spaceId, id), (document) =>
      document ? patch(document) : document,
    );
    // The full record (processed_at, language, classification…) comes with the refetch.
    void queryClient.invalidateQueries({ queryKey: knowledgeKeys.document(spaceId, id) });
    if (status === "processed")
      void queryClient.invalidateQueries({ queryKey: knowledgeKeys.chunks(spaceId, id) });
  }

  return useEventStream(spaceId, (event) => {
    if (event.type === "document.status") {
      applyStatus(event);
      refetchSoon();
    } else if (event.type === "document.progress") {
      queryClient.setQueryData(knowledgeKeys.processingStep(spaceId, event.data.document_id), event.data);
    } else if (event.type === "connected" && event.reconnected) {
      void queryClient.invalidateQueries({ queryKey: knowledgeKeys.documentRecords(spaceId) });
      void queryClient.invalidateQueries({ queryKey: knowledgeKeys.chunksOfSpace(spaceId) });
      refetchSoon();
    }
  });
}
