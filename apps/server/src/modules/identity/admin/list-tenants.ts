import type { AdminTenant } from "@tributary/contracts";
import type { Principal } from "../../../platform/auth/index.js";
import { decodeCursor, toPage } from "../../../platform/pagination/index.js";
import type { IdentityContext } from "../identity-context.js";
import { requirePlatformAdmin } from "./require-admin.js";
import { type TenantRow, tenantColumns, toAdminTenant } from "./tenant-row.js";

export interface ListTenantsQuery {
  limit: number;
  cursor?: string | undefined;
  plan?: AdminTenant["plan"] | undefined;
  kind?: AdminTenant["kind"] | undefined;
}

/** Every tenant with its plan and effective quotas, in id order. */
export async function listTenants(
  context: IdentityContext,
  caller: Principal | null,
  query: ListTenantsQuery,
): Promise<{ data: AdminTenant[]; next_cursor: string | null; has_more: boolean }> {
  requirePlatformAdmin(caller);
  const [after] = decodeCursor(query.cursor, [/^tenant_[0-9]{1,40}$/]) ?? [null];
  const rows = await context.sql.withSystem((tx) =>
    tx.query<TenantRow>(
      `SELECT ${tenantColumns} FROM tenants
       WHERE ($1::text IS NULL OR id > $1) AND ($2::text IS NULL OR plan = $2) AND ($3::text IS NULL OR kind = $3)
       ORDER BY id LIMIT $4`,
      [after, query.plan ?? null, query.kind ?? null, query.limit + 1],
    ),
  );
  return toPage(rows, query.limit, (row) => [row.id], toAdminTenant);
}
