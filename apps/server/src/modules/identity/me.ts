import type { User } from "@tributary/contracts";
import type { Principal } from "../../platform/auth/index.js";
import { AppError } from "../../platform/errors/index.js";
import { recordAudit } from "./audit.js";
import type { IdentityContext } from "./identity-context.js";
import { toUser, type UserRow, userColumns } from "./user-row.js";

function requireUser(principal: Principal | null): Principal {
  if (!principal) throw new AppError("UNAUTHORIZED", "Authentication required");
  return principal;
}

export async function getMe(context: IdentityContext, principal: Principal | null): Promise<User> {
  const { userId } = requireUser(principal);
  const [row] = await context.sql.withSystem((tx) =>
    tx.query<UserRow>(`SELECT ${userColumns} FROM users WHERE id = $1`, [userId]),
  );
  if (!row) throw new AppError("NOT_FOUND", "User not found");
  return toUser(row);
}

export async function updateMe(
  context: IdentityContext,
  principal: Principal | null,
  changes: { first_name?: string | undefined; last_name?: string | undefined },
): Promise<User> {
  const { userId } = requireUser(principal);
  const row = await context.sql.withSystem(async (tx) => {
    const [updated] = await tx.query<UserRow>(
      `UPDATE users SET first_name = COALESCE($2, first_name), last_name = COALESCE($3, last_name), updated_at = now()
       WHERE id = $1 RETURNING ${userColumns}`,
      [userId, changes.first_name ?? null, changes.last_name ?? null],
    );
    if (updated) {
      await recordAudit(tx, {
        action: "user.updated",
        tenantId: updated.personal_tenant_id,
        actorUserId: userId,
        targetType: "user",
        targetId: userId,
        details: { fields: Object.keys(changes) },
      });
    }
    return updated;
  });
  if (!row) throw new AppError("NOT_FOUND", "User not found");
  return toUser(row);
}
