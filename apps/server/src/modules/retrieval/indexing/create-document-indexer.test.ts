import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../../../platform/sql/index.js";
import { createLogger } from "../../../platform/telemetry/logger.js";
import { openTestSql } from "../../../testing/test-sql.js";
import type { IndexableChunk, IndexableDocument } from "../../ingestion/index.js";
import type { RetrievalDeps } from "../deps.js";
import { createLexicalEmbedder, type EmbedRequest } from "../embeddings/index.js";
import { recordId } from "../testing/search-fixtures.js";
import { createTestEmbeddings } from "../testing/test-embeddings.js";
import { createDocumentIndexer } from "./create-document-indexer.js";

// Vectors need pgvector: PGlite has it (decision 0010).
let sql: Sql;
beforeAll(async () => {
  sql = await openTestSql("pglite");
});
afterAll(async () => {
  await sql?.close();
});

/** Retrieval deps whose embedding service records the texts of every call. */
function recordingDeps(): { deps: RetrievalDeps; calls: EmbedRequest["texts"][] } {
  const base = createTestEmbeddings();
  const calls: EmbedRequest["texts"][] = [];
  const embeddings = {
    ...base,
    embed(request: EmbedRequest) {
      calls.push(request.texts);
      return base.embed(request);
    },
  };
  return { deps: { sql, embeddings, logger: createLogger("silent") }, calls };
}

let tenants = 0;
function documentOf(): IndexableDocument {
  tenants += 1;
  return {
    tenantId: `indexer_${Date.now()}_${tenants}`,
    spaceId: "space-1",
    notebookId: "notebook-1",
    documentId: `doc-${tenants}`,
    name: "notes.txt",
    title: "Field notes",
    tags: [],
    sensitivity: null,
    language: "en",
  };
}

function chunksOf(texts: readonly string[]): IndexableChunk[] {
  return texts.map((content, index) => ({
    id: recordId(index + 1),
    index,
    content,
    page: null,
    headingPath: [],
    language: index === 1 ? "fr" : "en",
    startOffset: index * 100,
    endOffset: index * 100 + content.length,
  }));
}

async function storedVectors(tenantId: string) {
  return sql.withTenant(tenantId, (tx) =>
    tx.query<{ id: string; language: string; embedding: string }>(
      "SELECT id, language, embedding::text AS embedding FROM dataset_vectors ORDER BY chunk_index",
    ),
  );
}

describe("document indexer", () => {
  const texts = ["glacier field notes", "la moraine du glacier", "ice core samples"];

  it("writes the vectors embedded ahead by `embed`, with what only the finished chunks know", async () => {
    const { deps, calls } = recordingDeps();
    const indexer = createDocumentIndexer(deps);
    const document = documentOf();
    const embedded = await indexer.embed(document.tenantId, texts);
    const prepared = await indexer.prepare(document, chunksOf(texts), undefined, embedded);
    await sql.withTenant(document.tenantId, (tx) => prepared.commit(tx));

    expect(calls).toEqual([texts]);
    const rows = await storedVectors(document.tenantId);
    expect(rows.map((row) => row.id)).toEqual([recordId(1), recordId(2), recordId(3)]);
    expect(rows.map((row) => row.language)).toEqual(["en", "fr", "en"]);
    const expected = createLexicalEmbedder(384).embed(texts);
    const values = rows.map((row) => JSON.parse(row.embedding) as number[]);
    for (const [i, vector] of values.entries()) {
      expect(vector).toHaveLength(384);
      for (const [d, value] of vector.entries()) expect(value).toBeCloseTo(expected[i]?.[d] ?? Number.NaN, 6);
    }
  });

  it("embeds again when the chunks are not the texts embedded ahead, or the tenant differs", async () => {
    const { deps, calls } = recordingDeps();
    const indexer = createDocumentIndexer(deps);
    const document = documentOf();
    const embedded = await indexer.embed(document.tenantId, texts);

    const changed = [texts[0] ?? "", "another text", texts[2] ?? ""];
    await indexer.prepare(document, chunksOf(changed), undefined, embedded);
    await indexer.prepare(document, chunksOf(texts.slice(0, 2)), undefined, embedded);
    const other = documentOf();
    await indexer.prepare(other, chunksOf(texts), undefined, embedded);
    // A handle this indexer did not make holds no vectors.
    await indexer.prepare(document, chunksOf(texts), undefined, { texts });

    expect(calls).toEqual([texts, changed, texts.slice(0, 2), texts, texts]);
  });
});
