import type { TokenResponse } from "@tributary/contracts";
import type { Principal } from "../../platform/auth/index.js";
import { AppError } from "../../platform/errors/index.js";
import { recordAudit } from "./audit.js";
import type { IdentityContext } from "./identity-context.js";
import { issueTokens } from "./issue-tokens.js";
import { hashPassword, verifyPassword } from "./password.js";
import { revokeAllSessions } from "./sessions.js";
import { type UserRow, userColumns } from "./user-row.js";

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
  ip: string | null;
}

/**
 * Changes a signed-in user's password after checking the current one (argon2 verify). Every login
 * is signed out; access tokens name no login, so the caller's own session cannot be told apart and
 * is replaced by a new login, returned as fresh tokens (its current access token lives until it expires).
 */
export async function changePassword(
  context: IdentityContext,
  principal: Principal | null,
  { currentPassword, newPassword, ip }: ChangePasswordInput,
): Promise<TokenResponse> {
  if (!principal) throw new AppError("UNAUTHORIZED", "Authentication required");
  if (principal.kind !== "user") {
    throw new AppError(
      "FORBIDDEN",
      "Passwords can be changed only from a signed-in session, not with an API key",
    );
  }
  const [user] = await context.sql.withSystem((tx) =>
    tx.query<UserRow>(`SELECT ${userColumns} FROM users WHERE id = $1`, [principal.userId]),
  );
  if (!user) throw new AppError("NOT_FOUND", "User not found");
  if (!user.password_hash) {
    throw new AppError(
      "UNPROCESSABLE",
      "This account signs in through single sign-on and has no password here; change it with your identity provider",
      { details: { reason: "no_password" } },
    );
  }
  if (!(await verifyPassword(user.password_hash, currentPassword))) {
    throw new AppError("VALIDATION_ERROR", "The current password is incorrect", {
      details: {
        reason: "wrong_password",
        issues: [{ path: ["current_password"], message: "The current password is incorrect" }],
      },
    });
  }
  const passwordHash = await hashPassword(newPassword);
  await context.keys.current();
  return context.sql.withSystem(async (tx) => {
    const [updated] = await tx.query<UserRow>(
      `UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1 AND status = 'active'
       RETURNING ${userColumns}`,
      [user.id, passwordHash],
    );
    if (!updated) throw new AppError("FORBIDDEN", `This account is ${user.status}; contact an administrator`);
    await revokeAllSessions(tx, user.id);
    await recordAudit(tx, {
      action: "user.password_changed",
      tenantId: user.personal_tenant_id,
      actorUserId: user.id,
      targetType: "user",
      targetId: user.id,
      ip,
    });
    return issueTokens(context, tx, updated);
  });
}
