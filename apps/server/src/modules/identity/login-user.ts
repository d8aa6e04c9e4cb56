import type { TokenResponse } from "@tributary/contracts";
import { AppError } from "../../platform/errors/index.js";
import { recordAudit } from "./audit.js";
import type { IdentityContext } from "./identity-context.js";
import type { LoginGuard } from "./login-guard.js";
import { verifyPassword } from "./password.js";
import { recordSignIn } from "./record-sign-in.js";
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
  const response = await context.sql.withSystem((tx) =>
    recordSignIn(context, tx, user, { method: "password", ip }),
  );
  context.notifyEvents();
  return response;
}
