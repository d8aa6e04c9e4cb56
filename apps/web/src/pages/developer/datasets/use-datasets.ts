import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CreateDatasetRequest,
  DatasetResponse,
  DatasetStats,
  EmbeddingModelsResponse,
  UpdateDatasetRequest,
} from "@tributary/contracts";
import { useEffect, useRef } from "react";
import { ApiError } from "../../../api/api-error";
import { api } from "../../../api/client";
import type { CursorPage } from "../../../ui/use-cursor-list";
import { datasetStatus, reembeddingPollInterval } from "./dataset-status";
import { isVectorStoreDisabled } from "./vector-store-disabled";

/** Datasets are the tenant's; the space says which tenant. */
export const datasetKeys = {
  all: (spaceId: string) => ["datasets", spaceId] as const,
  list: (spaceId: string) => ["datasets", spaceId, "list"] as const,
  one: (spaceId: string, name: string) => ["datasets", spaceId, "one", name] as const,
  stats: (spaceId: string, name: string) => ["datasets", spaceId, "stats", name] as const,
};

const datasetPath = (name: string) => `/api/v1/datasets/${encodeURIComponent(name)}`;

/**
 * The app retries a 5xx twice, but a disabled vector store answers 503 until an operator changes
 * a setting: retrying only keeps the spinner up for seconds before saying so.
 */
const retryUnlessDisabled = (count: number, error: Error) =>
  count < 2 &&
  !isVectorStoreDisabled(error) &&
  !(error instanceof ApiError && error.status >= 400 && error.status < 500);

/** The shared `useCursorList`, but with `retryUnlessDisabled`. */
export function useDatasetList(spaceId: string) {
  const queryClient = useQueryClient();
  const query = useInfiniteQuery({
    queryKey: datasetKeys.list(spaceId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<CursorPage<DatasetResponse>>("/api/v1/datasets", {
        query: { limit: 100, cursor: pageParam },
        space: spaceId,
        signal,
      }),
    getNextPageParam: (last) => (last.has_more ? (last.next_cursor ?? undefined) : undefined),
    retry: retryUnlessDisabled,
  });
  const list = { ...query, items: query.data?.pages.flatMap((page) => page.data) ?? [] };
  // Each card shows its live dataset query; a newer list answer (after a create, a change, a
  // finished re-embedding) must reach those too, but must not overwrite a newer poll.
  const { data: pages, dataUpdatedAt } = list;
  useEffect(() => {
    for (const dataset of pages?.pages.flatMap((page) => page.data) ?? []) {
      const key = datasetKeys.one(spaceId, dataset.name);
      const cached = queryClient.getQueryState(key);
      if (!cached || cached.dataUpdatedAt < dataUpdatedAt) {
        queryClient.setQueryData(key, dataset, { updatedAt: dataUpdatedAt });
      }
    }
  }, [pages, dataUpdatedAt, queryClient, spaceId]);
  return list;
}

/**
 * One dataset, kept current: seeded from the list, asked again every 2 s while its re-embedding
 * runs and never otherwise. When a run ends, the list and the stats are refreshed, since the
 * model, dimensions and index changed with it.
 */
export function useLiveDataset(spaceId: string, seed: DatasetResponse) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: datasetKeys.one(spaceId, seed.name),
    queryFn: ({ signal }) => api.get<DatasetResponse>(datasetPath(seed.name), { space: spaceId, signal }),
    initialData: seed,
    // Fresh until a change says otherwise: only a running re-embedding makes it move on its own.
    staleTime: Number.POSITIVE_INFINITY,
    refetchInterval: (current) => reembeddingPollInterval(current.state.data),
  });
  const dataset = query.data;
  const status = datasetStatus(dataset);
  const previous = useRef(status);
  useEffect(() => {
    if (previous.current === "reembedding" && status !== "reembedding") {
      void queryClient.invalidateQueries({ queryKey: datasetKeys.list(spaceId) });
      void queryClient.invalidateQueries({ queryKey: datasetKeys.stats(spaceId, dataset.name) });
    }
    previous.current = status;
  }, [status, queryClient, spaceId, dataset.name]);
  return { dataset, error: query.error };
}

/** The models a dataset can be pinned to (not per space): fetched once a dialog that offers them opens. */
export function useEmbeddingModels(enabled: boolean) {
  return useQuery({
    queryKey: ["embedding-models"],
    queryFn: ({ signal }) => api.get<EmbeddingModelsResponse>("/api/v1/embeddings/models", { signal }),
    enabled,
    staleTime: 60_000,
  });
}

export function useDatasetStats(spaceId: string, name: string) {
  return useQuery({
    queryKey: datasetKeys.stats(spaceId, name),
    queryFn: ({ signal }) => api.get<DatasetStats>(`${datasetPath(name)}/stats`, { space: spaceId, signal }),
  });
}

export function useCreateDataset(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateDatasetRequest) =>
      api.post<DatasetResponse>("/api/v1/datasets", request, { space: spaceId }),
    onSuccess: (dataset) => {
      queryClient.setQueryData(datasetKeys.one(spaceId, dataset.name), dataset);
      return queryClient.invalidateQueries({ queryKey: datasetKeys.list(spaceId) });
    },
  });
}

/** What a model change did: switched at once (an empty dataset, 200) or started a re-embedding (202). */
export interface ModelChangeResult {
  readonly dataset: DatasetResponse;
  readonly reembedding: boolean;
}

export function useChangeEmbeddingModel(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ name, model }: { name: string; model: string }): Promise<ModelChangeResult> => {
      const body: UpdateDatasetRequest = { embedding_model: model };
      // `send`, not `patch`: the status (202 Accepted) is what says a re-embedding started.
      const response = await api.send("PATCH", datasetPath(name), { body, space: spaceId });
      const dataset = (await response.json()) as DatasetResponse;
      return { dataset, reembedding: response.status === 202 };
    },
    onSuccess: ({ dataset }) => {
      // Seeding the live query starts its polling at once when a re-embedding runs.
      queryClient.setQueryData(datasetKeys.one(spaceId, dataset.name), dataset);
      void queryClient.invalidateQueries({ queryKey: datasetKeys.stats(spaceId, dataset.name) });
      return queryClient.invalidateQueries({ queryKey: datasetKeys.list(spaceId) });
    },
  });
}

export function useDeleteDataset(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.delete(datasetPath(name), { space: spaceId }),
    onSuccess: (_result, name) => {
      queryClient.removeQueries({ queryKey: datasetKeys.one(spaceId, name) });
      queryClient.removeQueries({ queryKey: datasetKeys.stats(spaceId, name) });
      return queryClient.invalidateQueries({ queryKey: datasetKeys.list(spaceId) });
    },
  });
}
