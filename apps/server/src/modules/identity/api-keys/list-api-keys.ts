import type { ApiKey } from "@tributary/contracts";
import type { Principal } from "../../../platform/auth/index.js";
import { decodeCursor, toPage, uuidKey } from "../../../platform/pagination/index.js";
import type { IdentityContext } from "../identity-context.js";
import { type ApiKeyRow, apiKeyColumns, toApiKey } from "./api-key-row.js";
import { requireKeyManager } from "./key-manager.js";

/** The caller's keys, newest first, revoked and expired ones included; never their secrets. */
export async function listApiKeys(
  context: IdentityContext,
  caller: Principal | null,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ data: ApiKey[]; next_cursor: string | null; has_more: boolean }> {
  const principal = requireKeyManager(caller);
  const [after] = decodeCursor(query.cursor, [uuidKey]) ?? [null];
  const rows = await context.sql.withSystem((tx) =>
    tx.query<ApiKeyRow>(
      `SELECT ${apiKeyColumns} FROM api_keys WHERE user_id = $1 AND ($2::uuid IS NULL OR id < $2::uuid)
       ORDER BY id DESC LIMIT $3`,
      [principal.userId, after, query.limit + 1],
    ),
  );
  return toPage(rows, query.limit, (row) => [row.id], toApiKey);
}
