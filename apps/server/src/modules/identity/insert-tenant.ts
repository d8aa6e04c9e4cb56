import type { SqlTx } from "../../platform/sql/index.js";
import { candidateTenantId } from "./tenant-ids.js";

const maxTenantIdAttempts = 10;

/**
 * Inserts a tenant under a fresh `tenant_<digits>` id and returns it. Unique under concurrency:
 * the primary key decides, and a taken candidate is simply retried (tas-identity-content §6 U9).
 */
export async function insertTenant(
  tx: SqlTx,
  tenant: { kind: "personal" | "organization"; name: string; ownerUserId: string },
): Promise<string> {
  for (let attempt = 0; attempt < maxTenantIdAttempts; attempt++) {
    const inserted = await tx.query<{ id: string }>(
      `INSERT INTO tenants (id, kind, name, owner_user_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [candidateTenantId(), tenant.kind, tenant.name, tenant.ownerUserId],
    );
    if (inserted[0]) return inserted[0].id;
  }
  throw new Error("could not allocate a unique tenant id");
}
