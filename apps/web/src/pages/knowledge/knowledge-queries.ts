import { type InfiniteData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { Document, DocumentChunk, Notebook } from "@tributary/contracts";
import { api } from "../../api/client";
import type { DocumentProgressEvent } from "../../api/use-event-stream";

export interface Page<T> {
  readonly data: T[];
  readonly next_cursor: string | null;
  readonly has_more: boolean;
}
export type DocumentPages = InfiniteData<Page<Document>, string | undefined>;

/** Query keys of the knowledge area; `documents(spaceId)` prefixes every notebook's document list. */
export const knowledgeKeys = {
  notebooks: (spaceId: string) => ["notebooks", spaceId] as const,
  documents: (spaceId: string) => ["documents", spaceId] as const,
  notebookDocuments: (spaceId: string, notebookId: string) => ["documents", spaceId, notebookId] as const,
  /** Prefixes every single-document query of the space (records and chunks). */
  documentRecords: (spaceId: string) => ["document", spaceId] as const,
  document: (spaceId: string, documentId: string) => ["document", spaceId, documentId] as const,
  chunksOfSpace: (spaceId: string) => ["document-chunks", spaceId] as const,
  chunks: (spaceId: string, documentId: string) => ["document-chunks", spaceId, documentId] as const,
  /** The latest processing step heard on the event stream; never fetched, only set by events. */
  processingStep: (spaceId: string, documentId: string) => ["processing-step", spaceId, documentId] as const,
};

/** Where a document's processing is, as the event stream last said (undefined until it says). */
export function useProcessingStep(spaceId: string, documentId: string, processing: boolean) {
  const step = useQuery<DocumentProgressEvent["data"] | null>({
    queryKey: knowledgeKeys.processingStep(spaceId, documentId),
    queryFn: () => null,
    enabled: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return processing ? (step.data ?? undefined) : undefined;
}

const documentsPageSize = 50;
const chunksPageSize = 50;

/** Every notebook of the space the caller may see (the tree is built on the client). */
export function useNotebooks(spaceId: string) {
  return useQuery({
    queryKey: knowledgeKeys.notebooks(spaceId),
    queryFn: async ({ signal }) => {
      const all: Notebook[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.get<Page<Notebook>>("/api/v1/notebooks", {
          space: spaceId,
          query: { limit: 100, cursor },
          signal,
        });
        all.push(...page.data);
        cursor = page.has_more && page.next_cursor ? page.next_cursor : undefined;
      } while (cursor);
      return all;
    },
  });
}

/** The documents of one notebook, newest first, a page at a time. */
export function useNotebookDocuments(spaceId: string, notebookId: string) {
  return useInfiniteQuery({
    queryKey: knowledgeKeys.notebookDocuments(spaceId, notebookId),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Document>>("/api/v1/documents", {
        space: spaceId,
        query: { notebook_id: notebookId, limit: documentsPageSize, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.has_more && last.next_cursor ? last.next_cursor : undefined),
  });
}

export function useDocument(spaceId: string, documentId: string) {
  return useQuery({
    queryKey: knowledgeKeys.document(spaceId, documentId),
    queryFn: ({ signal }) =>
      api.get<Document>(`/api/v1/documents/${encodeURIComponent(documentId)}`, { space: spaceId, signal }),
  });
}

/** A document's chunks in order, a page at a time. */
export function useDocumentChunks(spaceId: string, documentId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: knowledgeKeys.chunks(spaceId, documentId),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<DocumentChunk>>(`/api/v1/documents/${encodeURIComponent(documentId)}/chunks`, {
        space: spaceId,
        query: { limit: chunksPageSize, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.has_more && last.next_cursor ? last.next_cursor : undefined),
    enabled,
  });
}
