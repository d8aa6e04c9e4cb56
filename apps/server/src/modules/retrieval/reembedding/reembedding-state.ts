import type { DatasetResponse } from "@tributary/contracts";

/** The job queue that re-embeds datasets after a model change. */
export const reembedQueue = "retrieval.reembed";

/** `vector_datasets.reembedding` while a model change runs or after it failed (null when idle). */
export interface ReembeddingState {
  readonly target_model: string;
  readonly target_dimensions: number;
  /** The generation being written; it becomes the searchable one at the switch. */
  readonly generation: number;
  readonly done: number;
  readonly total: number;
  readonly started_at: string;
  /** Set when the run failed for good: the dataset keeps its model and generation. */
  readonly error: string | null;
}

/** What a re-embedding job carries: the dataset by uuid (names can be reused after a trash). */
export interface ReembedPayload {
  readonly tenant_id: string;
  readonly dataset_id: string;
  readonly generation: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The stored jsonb as a state, or null when idle or not one we wrote. */
export function parseReembeddingState(value: unknown): ReembeddingState | null {
  if (!isRecord(value)) return null;
  const { target_model, target_dimensions, generation, done, total, started_at, error } = value;
  if (typeof target_model !== "string" || typeof started_at !== "string") return null;
  if (![target_dimensions, generation, done, total].every(Number.isInteger)) return null;
  return {
    target_model,
    target_dimensions: target_dimensions as number,
    generation: generation as number,
    done: done as number,
    total: total as number,
    started_at,
    error: typeof error === "string" ? error : null,
  };
}

/** Still working: no error recorded (a failed run stays visible until the next change). */
export function isRunning(state: ReembeddingState): boolean {
  return state.error === null;
}

export function parseReembedPayload(value: unknown): ReembedPayload {
  if (
    isRecord(value) &&
    typeof value.tenant_id === "string" &&
    typeof value.dataset_id === "string" &&
    Number.isInteger(value.generation)
  ) {
    return {
      tenant_id: value.tenant_id,
      dataset_id: value.dataset_id,
      generation: value.generation as number,
    };
  }
  throw new Error(`not a re-embedding payload: ${JSON.stringify(value)}`);
}

/** The API's view of the stored state: status and percent derived, internals left out. */
export function toReembeddingView(stored: unknown): DatasetResponse["reembedding"] {
  const state = parseReembeddingState(stored);
  if (!state) return null;
  const percent = state.total > 0 ? Math.min(100, Math.floor((state.done / state.total) * 1000) / 10) : 0;
  return {
    status: state.error === null ? "running" : "failed",
    target_model: state.target_model,
    target_dimensions: state.target_dimensions,
    done: state.done,
    total: state.total,
    percent,
    started_at: state.started_at,
    error: state.error,
  };
}
