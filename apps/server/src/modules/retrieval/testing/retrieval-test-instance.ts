import { createLogger } from "../../../platform/telemetry/logger.js";
import { startTestInstance, type TestInstance } from "../../../testing/test-instance.js";
import type { RetrievalDeps } from "../deps.js";
import { createTestEmbeddings } from "./test-embeddings.js";

/**
 * A full instance (identity and all) serving its wired retrieval module, pinned to PGlite: the
 * services lane's PostgreSQL has no pgvector (decision 0010). `deps` reach the same database
 * with an embedder equal to the wired one when no EMBEDDING_* is set (the lexical
 * `lexical-hash-v1`, 384 dims), for tests that seed or check data below the HTTP edge.
 */
export async function startRetrievalTestInstance(): Promise<{ instance: TestInstance; deps: RetrievalDeps }> {
  const instance = await startTestInstance({ sqlKind: "pglite" });
  const deps: RetrievalDeps = {
    sql: instance.resources.sql,
    embeddings: createTestEmbeddings(),
    logger: createLogger("silent"),
  };
  return { instance, deps };
}
