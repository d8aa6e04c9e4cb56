import type { TokenResponse } from "@tributary/contracts";
import { AppError } from "../../platform/errors/index.js";
import { appendEvent } from "../../platform/events/index.js";
import { recordAudit } from "./audit.js";
import type { IdentityContext } from "./identity-context.js";
import { issueTokens } from "./issue-tokens.js";
import type { LoginGuard } from "./login-guard.js";
import { verifyPassword } from "./password.js";
import { type UserRow, userColumns } from "./user-row.js";

export interface LoginUserOptions {
  email: string;
  password: string;
  ip: string | null;
}

/** Password sign-in. Failures say only "invalid email or password", are audited, limited and slowed. */
export async function loginUser(
  context: IdentityContext,
  guard: LoginGuard,
  { email, password, ip }: LoginUserOptions,
): Promise<TokenResponse> {
  await guard.assertAllowed(email, ip);
  const [user] = await context.sql.withSystem((tx) =>
    tx.query<UserRow>(`SELECT ${userColumns} FROM users WHERE lower(email) = lower($1)`, [email]),
  );
  const valid = await verifyPassword(user?.password_hash ?? null, password);
  if (!user || !valid) {
    await context.sql.withSystem((tx) =>
      recordAudit(tx, {
        action: "user.login_failed",
        tenantId: user?.personal_tenant_id ?? null,
        actorUserId: user?.id ?? null,
        ip,
        details: { email },
      }),
    );
    await guard.recordFailure(email, ip);
    throw new AppError("UNAUTHORIZED", "Invalid email or password");
  }
  if (user.status !== "active") {
    throw new AppError("FORBIDDEN", `This account is ${user.status}; contact an administrator`);
  }
  await guard.recordSuccess(email);
  await context.keys.current();
  const response = await context.sql.withSystem(async (tx) => {
    const [updated] = await tx.query<UserRow>(
      `UPDATE users SET last_login_at = now() WHERE id = $1 RETURNING ${userColumns}`,
      [user.id],
    );
    await recordAudit(tx, {
      action: "user.login_succeeded",
      tenantId: user.personal_tenant_id,
      actorUserId: user.id,
      targetType: "user",
      targetId: user.id,
      ip,
    });
    await appendEvent(tx, {
      type: "user.authenticated",
      source: "identity",
      data: { user_id: user.id, method: "password" },
      metadata: { tenant_id: user.personal_tenant_id ?? "", user_id: user.id },
    });
    return issueTokens(context, tx, updated ?? user);
  });
  context.notifyEvents();
  return response;
}
