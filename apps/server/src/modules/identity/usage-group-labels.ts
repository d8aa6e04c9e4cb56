import { assertNever } from "../../platform/errors/index.js";
import type { Sql } from "../../platform/sql/index.js";

/** The usage dimensions whose values are identity's ids. */
export type LabelledUsageGroup = "api_key" | "user" | "space";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Names for the ids a tenant's usage is grouped by, so that a breakdown reads "ci-runner
 * (trb_ab12…)", "Ada Lovelace" or "Research" rather than uuids. `ids` come from the tenant's own
 * usage records: a label is only ever given for a key, user or space that called in that tenant.
 * Spaces are looked up within the tenant; keys and users wherever they live (a key or a member
 * of another tenant may have called into this one). Ids that no longer exist get no label.
 */
export async function usageGroupLabels(
  sql: Sql,
  tenantId: string,
  group: LabelledUsageGroup,
  ids: readonly string[],
): Promise<ReadonlyMap<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  switch (group) {
    case "api_key": {
      const uuids = wanted.filter((id) => uuidPattern.test(id));
      if (uuids.length === 0) return new Map();
      const rows = await sql.withSystem((tx) =>
        tx.query<{ id: string; name: string; prefix: string }>(
          "SELECT id::text AS id, name, prefix FROM api_keys WHERE id = ANY($1::uuid[])",
          [uuids],
        ),
      );
      return new Map(rows.map((row) => [row.id, `${row.name} (${row.prefix}…)`]));
    }
    case "user": {
      const uuids = wanted.filter((id) => uuidPattern.test(id));
      if (uuids.length === 0) return new Map();
      const rows = await sql.withSystem((tx) =>
        tx.query<{ id: string; first_name: string; last_name: string; email: string }>(
          "SELECT id::text AS id, first_name, last_name, email FROM users WHERE id = ANY($1::uuid[])",
          [uuids],
        ),
      );
      return new Map(rows.map((row) => [row.id, `${row.first_name} ${row.last_name}`.trim() || row.email]));
    }
    case "space": {
      const rows = await sql.withTenant(tenantId, (tx) =>
        tx.query<{ id: string; name: string }>("SELECT id, name FROM spaces WHERE id = ANY($1::text[])", [
          wanted,
        ]),
      );
      return new Map(rows.map((row) => [row.id, row.name]));
    }
    default:
      return assertNever(group);
  }
}
