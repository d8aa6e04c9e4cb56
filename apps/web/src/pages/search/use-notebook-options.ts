import { useQuery } from "@tanstack/react-query";
import type { Notebook } from "@tributary/contracts";
import { api } from "../../api/client";

export interface NotebookOption {
  readonly id: string;
  readonly name: string;
}

/** The space's notebooks the caller may read, by name, for "search only this notebook" pickers. */
export function useNotebookOptions(spaceId: string) {
  return useQuery({
    queryKey: ["notebooks", spaceId, "options"],
    queryFn: async ({ signal }): Promise<NotebookOption[]> => {
      const page = await api.get<{ data: Notebook[] }>("/api/v1/notebooks", {
        space: spaceId,
        query: { limit: 100 },
        signal,
      });
      return page.data
        .map((notebook) => ({ id: notebook.id, name: notebook.name }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },
    staleTime: 60_000,
  });
}
