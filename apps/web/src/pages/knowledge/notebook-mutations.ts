import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CreateNotebookRequest, Notebook, UpdateNotebookRequest } from "@tributary/contracts";
import { api } from "../../api/client";
import { knowledgeKeys } from "./knowledge-queries";

const notebookPath = (id: string) => `/api/v1/notebooks/${encodeURIComponent(id)}`;

export function useCreateNotebook(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateNotebookRequest) =>
      api.post<Notebook>("/api/v1/notebooks", body, { space: spaceId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: knowledgeKeys.notebooks(spaceId) }),
  });
}

/** Renames or moves a notebook (`parent_id`, null for the top level). */
export function useUpdateNotebook(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateNotebookRequest }) =>
      api.patch<Notebook>(notebookPath(id), changes, { space: spaceId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: knowledgeKeys.notebooks(spaceId) }),
  });
}

/** Deletes a notebook with its sub-notebooks and their documents. */
export function useDeleteNotebook(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(notebookPath(id), { space: spaceId }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: knowledgeKeys.notebooks(spaceId) }),
        queryClient.invalidateQueries({ queryKey: knowledgeKeys.documents(spaceId) }),
      ]);
    },
  });
}
