import type { QueryHistoryStats } from "@tributary/contracts";
import { AppError } from "../../../platform/errors/index.js";
import { type ContentCaller, requireContentAccess } from "../../content/index.js";
import type { AssistantDeps } from "../deps.js";

/**
 * Aggregate counts of the space's questions over the last `days`, for space owners and admins:
 * how many, by how many users, answered how, at what cost. Never a question or an answer.
 */
export async function queryHistoryStats(
  deps: AssistantDeps,
  caller: ContentCaller,
  days: number,
): Promise<QueryHistoryStats> {
  requireContentAccess(caller, "read");
  if (caller.space.role !== "owner" && caller.space.role !== "admin") {
    throw new AppError("FORBIDDEN", "Only space owners and admins see the space's query statistics", {
      details: { action: "query_history.stats", role: caller.space.role },
    });
  }
  const since = new Date(Date.now() - days * 86_400_000);
  const [row] = await deps.sql.withTenant(caller.space.tenantId, (tx) =>
    tx.query<{
      queries: number;
      users: number;
      generative: number;
      extractive: number;
      not_found: number;
      grounded: number;
      tokens: string;
      cost_usd: string;
    }>(
      `SELECT count(*)::int AS queries,
              count(DISTINCT user_id)::int AS users,
              count(*) FILTER (WHERE mode = 'generative')::int AS generative,
              count(*) FILTER (WHERE mode = 'extractive')::int AS extractive,
              count(*) FILTER (WHERE mode = 'not_found')::int AS not_found,
              count(*) FILTER (WHERE grounded AND mode <> 'not_found')::int AS grounded,
              coalesce(sum(total_tokens), 0)::text AS tokens,
              coalesce(sum(cost_usd), 0)::text AS cost_usd
       FROM assistant_query_history
       WHERE tenant_id = $1 AND space_id = $2 AND created_at >= $3`,
      [caller.space.tenantId, caller.space.spaceId, since],
    ),
  );
  return {
    space_id: caller.space.spaceId,
    since: since.toISOString(),
    queries: row?.queries ?? 0,
    users: row?.users ?? 0,
    by_mode: {
      generative: row?.generative ?? 0,
      extractive: row?.extractive ?? 0,
      not_found: row?.not_found ?? 0,
    },
    grounded: row?.grounded ?? 0,
    tokens: Number(row?.tokens ?? 0),
    cost_usd: Number(row?.cost_usd ?? 0),
  };
}
