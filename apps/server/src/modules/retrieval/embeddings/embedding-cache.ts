import { LRUCache } from "lru-cache";
import type { Sql } from "../../../platform/sql/index.js";
import type { Logger } from "../../../platform/telemetry/logger.js";

/**
 * Embeddings by content hash: an in-process LRU in front of the tenant's `embedding_cache` rows.
 * Keys include the tenant, so a hit never reveals that another tenant embedded the same text.
 * The cache only saves work: a failing read or write is logged and the texts are embedded anyway.
 */
export interface EmbeddingCache {
  lookup(tenantId: string, modelKey: string, hashes: readonly string[]): Promise<Map<string, number[]>>;
  store(tenantId: string, modelKey: string, entries: ReadonlyMap<string, number[]>): Promise<void>;
}

export async function createEmbeddingCache(options: {
  sql: Sql;
  logger: Logger;
  /** EMBEDDING_CACHE_ENTRIES; 0 turns the in-process layer off. */
  memoryEntries: number;
}): Promise<EmbeddingCache> {
  const { sql, logger } = options;
  const memory =
    options.memoryEntries > 0 ? new LRUCache<string, number[]>({ max: options.memoryEntries }) : undefined;
  const memoryKey = (tenantId: string, modelKey: string, hash: string) =>
    `${tenantId}\u0000${modelKey}\u0000${hash}`;
  // A database without pgvector has no embedding_cache table (its migration is skipped).
  const [probe] = await sql.query<{ present: boolean }>(
    "SELECT to_regclass('embedding_cache') IS NOT NULL AS present",
  );
  const persistent = probe?.present === true;
  if (!persistent) logger.info("embedding_cache table absent: embeddings are cached in memory only");

  return {
    async lookup(tenantId, modelKey, hashes) {
      const found = new Map<string, number[]>();
      const missing: string[] = [];
      for (const hash of hashes) {
        const vector = memory?.get(memoryKey(tenantId, modelKey, hash));
        if (vector) found.set(hash, vector);
        else missing.push(hash);
      }
      if (!persistent || missing.length === 0) return found;
      try {
        const rows = await sql.withTenant(tenantId, (tx) =>
          tx.query<{ content_hash: string; embedding: string }>(
            `SELECT content_hash, embedding::text AS embedding FROM embedding_cache
             WHERE tenant_id = $1 AND model = $2 AND content_hash = ANY($3::text[])`,
            [tenantId, modelKey, missing],
          ),
        );
        for (const row of rows) {
          const vector = parseVectorText(row.embedding);
          found.set(row.content_hash, vector);
          memory?.set(memoryKey(tenantId, modelKey, row.content_hash), vector);
        }
      } catch (error) {
        logger.warn(
          { err: error, model: modelKey },
          "embedding cache read failed; embedding the texts instead",
        );
      }
      return found;
    },

    async store(tenantId, modelKey, entries) {
      if (entries.size === 0) return;
      for (const [hash, vector] of entries) memory?.set(memoryKey(tenantId, modelKey, hash), vector);
      if (!persistent) return;
      try {
        await sql.withTenant(tenantId, (tx) =>
          tx.query(
            `INSERT INTO embedding_cache (tenant_id, model, content_hash, embedding)
             SELECT $1, $2, hash, embedding::vector FROM unnest($3::text[], $4::text[]) AS t(hash, embedding)
             ON CONFLICT (tenant_id, model, content_hash) DO NOTHING`,
            [tenantId, modelKey, [...entries.keys()], [...entries.values()].map(toVectorText)],
          ),
        );
      } catch (error) {
        logger.warn({ err: error, model: modelKey }, "embedding cache write failed");
      }
    },
  };
}

/** pgvector's text form, `[0.1,0.2,…]`. */
export function toVectorText(vector: readonly number[]): string {
  return `[${vector.join(",")}]`;
}

/** pgvector stores float4: rounding to float32 makes a cached vector equal to the fresh one. */
function parseVectorText(text: string): number[] {
  return (JSON.parse(text) as number[]).map((value) => Math.fround(value));
}
