import type { DocumentChunk } from "@tributary/contracts";
import { type ContentCaller, loadVisibleDocument, requireContentAccess } from "../../content/index.js";
import type { IngestionDeps } from "../ingestion-deps.js";

interface ChunkRow extends Omit<DocumentChunk, "created_at"> {
  created_at: Date;
}

/** `GET /documents/{id}/chunks`: the chunks in order, paged by chunk index. */
export async function listChunks(
  deps: IngestionDeps,
  caller: ContentCaller,
  documentId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ data: DocumentChunk[]; next_cursor: string | null; has_more: boolean }> {
  requireContentAccess(caller, "read");
  return deps.sql.withTenant(caller.space.tenantId, async (tx) => {
    await loadVisibleDocument(tx, caller, documentId);
    const after = query.cursor === undefined ? -1 : Number(query.cursor);
    const rows = await tx.query<ChunkRow>(
      `SELECT id, document_id, chunk_index, content, start_offset, end_offset, char_count, token_count,
              page_number, pages, heading_path, language, language_confidence, pii_counts, pii_findings,
              metadata, strategy, created_at
       FROM document_chunks WHERE document_id = $1 AND chunk_index > $2
       ORDER BY chunk_index LIMIT $3`,
      [documentId, after, query.limit + 1],
    );
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      data: page.map((row) => ({ ...row, created_at: row.created_at.toISOString() })),
      next_cursor: rows.length > query.limit && last ? String(last.chunk_index) : null,
      has_more: rows.length > query.limit,
    };
  });
}
