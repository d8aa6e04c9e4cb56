import type { VectorRow } from "../store/vector-row.js";

export interface Collapse {
  /** One record per `content_hash` (records without one are each unique). */
  readonly deduplicate: boolean;
  /** One record per `document_id`: its best chunk (G34). */
  readonly groupByDocument: boolean;
}

export function collapses(collapse: Collapse): boolean {
  return collapse.deduplicate || collapse.groupByDocument;
}

/** The SQL key `total_found` counts distinct values of when results collapse. */
export function collapseKey(collapse: Collapse): string | null {
  if (collapse.groupByDocument) return "v.document_id";
  if (collapse.deduplicate) return "coalesce(v.content_hash, v.id::text)";
  return null;
}

/**
 * Keeps the first (best) item per content hash and/or document from a best-first list (G34:
 * applied after ranking and fusion, before the top_k cut).
 */
export function keepBest<T>(items: readonly T[], rowOf: (item: T) => VectorRow, collapse: Collapse): T[] {
  if (!collapses(collapse)) return [...items];
  const hashes = new Set<string>();
  const documents = new Set<string>();
  return items.filter((item) => {
    const row = rowOf(item);
    if (collapse.deduplicate && row.content_hash !== null) {
      if (hashes.has(row.content_hash)) return false;
      hashes.add(row.content_hash);
    }
    if (collapse.groupByDocument) {
      if (documents.has(row.document_id)) return false;
      documents.add(row.document_id);
    }
    return true;
  });
}
