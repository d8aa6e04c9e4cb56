import { assertNever } from "../../platform/errors/index.js";
import type { Sql, SqlTx } from "../../platform/sql/index.js";

/** Whose spending to sum, always within one tenant. */
export type SpendScope = { readonly tenantId: string } & (
  | { readonly kind: "tenant" }
  | { readonly kind: "space"; readonly spaceId: string }
  | { readonly kind: "user"; readonly userId: string }
  | { readonly kind: "api_key"; readonly apiKeyId: string }
);

/**
 * USD spent by the scope's calls created in [since, until) — what budget counters are seeded
 * with. Pass a tenant transaction, or the Sql port to open one. Records still in the recorder's
 * buffer are not counted yet.
 */
export async function spentSince(
  db: Sql | SqlTx,
  scope: SpendScope,
  since: Date,
  until?: Date,
): Promise<number> {
  if ("withTenant" in db) return db.withTenant(scope.tenantId, (tx) => spentSince(tx, scope, since, until));
  const params: unknown[] = [scope.tenantId, since];
  const where = ["tenant_id = $1", "created_at >= $2"];
  if (until) where.push(`created_at < $${params.push(until)}`);
  const filter = scopeFilter(scope);
  if (filter) where.push(`${filter.column} = $${params.push(filter.value)}`);
  const [row] = await db.query<{ spent: string | null }>(
    `SELECT sum(cost_usd)::text AS spent FROM usage_records WHERE ${where.join(" AND ")}`,
    params,
  );
  return Number(row?.spent ?? 0);
}

function scopeFilter(scope: SpendScope): { column: string; value: string } | null {
  switch (scope.kind) {
    case "tenant":
      return null;
    case "space":
      return { column: "space_id", value: scope.spaceId };
    case "user":
      return { column: "user_id", value: scope.userId };
    case "api_key":
      return { column: "api_key_id", value: scope.apiKeyId };
    default:
      return assertNever(scope);
  }
}
