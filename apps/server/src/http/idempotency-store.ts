import { createHash } from "node:crypto";
import type { Sql } from "../platform/sql/index.js";

export type IdempotencyClaim =
  | { state: "claimed" }
  | { state: "replay"; statusCode: number; body: unknown; contentType: string }
  | { state: "in_progress" }
  | { state: "mismatch" };

/** A claim older than this is taken to belong to a request that died, and may be taken over. */
const abandonedAfterMs = 60_000;

/** Remembers write responses by `Idempotency-Key` for 24 h, shared by every node through SQL; expired keys are removed by the scheduler (runtime/maintenance-tasks.ts). */
export class IdempotencyStore {
  constructor(
    private readonly sql: Sql,
    private readonly ttlMs = 24 * 60 * 60 * 1000,
  ) {}

  static hashRequest(method: string, url: string, body: unknown): string {
    return createHash("sha256")
      .update(`${method} ${url}\n${JSON.stringify(body ?? null)}`)
      .digest("hex");
  }

  async claim(scope: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
    return this.sql.withSystem(async (tx) => {
      const inserted = await tx.query(
        `INSERT INTO idempotency_keys (scope, key, request_hash, expires_at)
         VALUES ($1, $2, $3, now() + make_interval(secs => $4::double precision / 1000))
         ON CONFLICT (scope, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = now(),
           expires_at = EXCLUDED.expires_at, status_code = NULL, response = NULL
         WHERE idempotency_keys.expires_at < now()
            OR (idempotency_keys.status_code IS NULL
                AND idempotency_keys.created_at < now() - make_interval(secs => $5::double precision / 1000)
                AND idempotency_keys.request_hash = EXCLUDED.request_hash)
         RETURNING key`,
        [scope, key, requestHash, this.ttlMs, abandonedAfterMs],
      );
      if (inserted.length > 0) return { state: "claimed" };
      const [row] = await tx.query<{
        request_hash: string;
        status_code: number | null;
        response: unknown;
        content_type: string | null;
      }>(
        "SELECT request_hash, status_code, response, content_type FROM idempotency_keys WHERE scope = $1 AND key = $2",
        [scope, key],
      );
      if (!row) return { state: "in_progress" };
      if (row.request_hash !== requestHash) return { state: "mismatch" };
      if (row.status_code === null) return { state: "in_progress" };
      return {
        state: "replay",
        statusCode: row.status_code,
        body: row.response,
        contentType: row.content_type ?? "application/json",
      };
    });
  }

  async complete(
    scope: string,
    key: string,
    statusCode: number,
    body: unknown,
    contentType: string,
  ): Promise<void> {
    await this.sql.withSystem((tx) =>
      tx.query(
        "UPDATE idempotency_keys SET status_code = $3, response = $4, content_type = $5 WHERE scope = $1 AND key = $2",
        [scope, key, statusCode, JSON.stringify(body ?? null), contentType],
      ),
    );
  }

  /** A request that failed on the server side frees its key so that a retry can run. */
  async release(scope: string, key: string): Promise<void> {
    await this.sql.withSystem((tx) =>
      tx.query("DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2", [scope, key]),
    );
  }
}
