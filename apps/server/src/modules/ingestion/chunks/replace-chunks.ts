import { uuidv7 } from "uuidv7";
import type { SqlTx } from "../../../platform/sql/index.js";
import type { IndexableChunk } from "../indexing/document-indexer.js";
import type { ProcessedChunk } from "../processing/process-file.js";

const rowsPerInsert = 200;

/**
 * Replaces a document's chunks inside the caller's transaction (the one that also marks the
 * document processed), so readers see the old chunks or the new ones, never a partial set.
 */
export async function replaceChunks(
  tx: SqlTx,
  document: { id: string; tenantId: string; spaceId: string },
  chunks: readonly ProcessedChunk[],
  strategy: string,
  /** The chunks' ids, in order (retrieval already embedded them under these); generated when absent. */
  ids: readonly string[] = chunks.map(() => uuidv7()),
): Promise<void> {
  await tx.query("DELETE FROM document_chunks WHERE document_id = $1", [document.id]);
  for (let offset = 0; offset < chunks.length; offset += rowsPerInsert) {
    const batch = chunks.slice(offset, offset + rowsPerInsert).map((chunk, i) => ({
      id: ids[offset + i] ?? uuidv7(),
      chunk_index: chunk.index,
      content: chunk.content,
      start_offset: chunk.start_offset,
      end_offset: chunk.end_offset,
      char_count: chunk.char_count,
      token_count: chunk.token_count,
      page_number: chunk.metadata.page ?? null,
      pages: chunk.metadata.pages ?? (chunk.metadata.page !== undefined ? [chunk.metadata.page] : []),
      heading_path: chunk.metadata.heading_path ?? [],
      language: chunk.language,
      language_confidence: chunk.language_confidence,
      pii_counts: chunk.pii_counts,
      pii_findings: chunk.pii_findings,
      metadata: chunk.metadata,
    }));
    await tx.query(
      `INSERT INTO document_chunks (id, tenant_id, space_id, document_id, chunk_index, content, start_offset,
         end_offset, char_count, token_count, page_number, pages, heading_path, language, language_confidence,
         pii_counts, pii_findings, metadata, strategy)
       SELECT r.id, $1, $2, $3, r.chunk_index, r.content, r.start_offset, r.end_offset, r.char_count,
         r.token_count, r.page_number, r.pages, r.heading_path, r.language, r.language_confidence,
         r.pii_counts, r.pii_findings, r.metadata, $5
       FROM jsonb_to_recordset($4::jsonb) AS r(id uuid, chunk_index int, content text, start_offset int,
         end_offset int, char_count int, token_count int, page_number int, pages int[], heading_path text[],
         language text, language_confidence real, pii_counts jsonb, pii_findings jsonb, metadata jsonb)`,
      [document.tenantId, document.spaceId, document.id, JSON.stringify(batch), strategy],
    );
  }
}

/** Copies another document's chunks (a duplicate upload is not processed twice). */
export async function copyChunks(
  tx: SqlTx,
  fromDocumentId: string,
  to: { id: string; spaceId: string },
  /** The copies' ids by position in chunk order (see readIndexableChunks); generated when absent. */
  ids: readonly string[] = [],
): Promise<number> {
  await tx.query("DELETE FROM document_chunks WHERE document_id = $1", [to.id]);
  const rows = await tx.query(
    `INSERT INTO document_chunks (id, tenant_id, space_id, document_id, chunk_index, content, start_offset,
       end_offset, char_count, token_count, page_number, pages, heading_path, language, language_confidence,
       pii_counts, pii_findings, metadata, strategy)
     SELECT coalesce(($4::uuid[])[row_number() OVER (ORDER BY chunk_index)], gen_random_uuid()), tenant_id, $3,
       $2, chunk_index, content, start_offset, end_offset, char_count, token_count, page_number, pages,
       heading_path, language, language_confidence, pii_counts, pii_findings, metadata, strategy
     FROM document_chunks WHERE document_id = $1
     RETURNING id`,
    [fromDocumentId, to.id, to.spaceId, ids],
  );
  return rows.length;
}

/** A document's chunks in order, as retrieval indexes them. */
export async function readIndexableChunks(tx: SqlTx, documentId: string): Promise<IndexableChunk[]> {
  const rows = await tx.query<{
    chunk_index: number;
    content: string;
    page_number: number | null;
    heading_path: string[];
    language: string | null;
    start_offset: number;
    end_offset: number;
  }>(
    `SELECT chunk_index, content, page_number, heading_path, language, start_offset, end_offset
     FROM document_chunks WHERE document_id = $1 ORDER BY chunk_index`,
    [documentId],
  );
  return rows.map((row) => ({
    id: "",
    index: row.chunk_index,
    content: row.content,
    page: row.page_number,
    headingPath: row.heading_path,
    language: row.language,
    startOffset: row.start_offset,
    endOffset: row.end_offset,
  }));
}
