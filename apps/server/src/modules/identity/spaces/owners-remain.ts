import { AppError } from "../../../platform/errors/index.js";
import type { SqlTx } from "../../../platform/sql/index.js";

const memberships = {
  space: { table: "space_members", key: "space_id" },
  organization: { table: "organization_members", key: "organization_id" },
} as const;

/**
 * Refuses to leave a space or organization without an owner. Callers hold a lock on the parent
 * row, so two owners demoting each other at once cannot both pass.
 */
export async function assertOwnersRemain(
  tx: SqlTx,
  kind: keyof typeof memberships,
  parentId: string,
  leavingUserId: string,
): Promise<void> {
  const { table, key } = memberships[kind];
  const [row] = await tx.query<{ owners: number }>(
    `SELECT count(*)::int AS owners FROM ${table} WHERE ${key} = $1 AND role = 'owner' AND user_id <> $2`,
    [parentId, leavingUserId],
  );
  if ((row?.owners ?? 0) === 0) {
    throw new AppError(
      "CONFLICT",
      `The last owner of this ${kind} cannot be removed or demoted; make another member owner first`,
      {
        details: { reason: "last_owner" },
      },
    );
  }
}
