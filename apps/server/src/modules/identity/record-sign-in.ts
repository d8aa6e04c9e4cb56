import type { TokenResponse } from "@tributary/contracts";
import { appendEvent } from "../../platform/events/index.js";
import type { SqlTx } from "../../platform/sql/index.js";
import { recordAudit } from "./audit.js";
import type { IdentityContext } from "./identity-context.js";
import { issueTokens } from "./issue-tokens.js";
import { type UserRow, userColumns } from "./user-row.js";

/**
 * The end of every successful sign-in, whatever the method: stamp the login, audit it, emit
 * `user.authenticated`, and start a new session. Runs in the caller's system transaction.
 */
export async function recordSignIn(
  context: IdentityContext,
  tx: SqlTx,
  user: UserRow,
  how: { method: "password" | "sso"; provider?: string; ip: string | null },
): Promise<TokenResponse> {
  const [signedIn] = await tx.query<UserRow>(
    `UPDATE users SET last_login_at = now() WHERE id = $1 RETURNING ${userColumns}`,
    [user.id],
  );
  const method: Record<string, string> = how.provider
    ? { method: how.method, provider: how.provider }
    : { method: how.method };
  await recordAudit(tx, {
    action: "user.login_succeeded",
    tenantId: user.personal_tenant_id,
    actorUserId: user.id,
    targetType: "user",
    targetId: user.id,
    ip: how.ip,
    ...(how.method === "sso" ? { details: method } : {}),
  });
  await appendEvent(tx, {
    type: "user.authenticated",
    source: "identity",
    data: { user_id: user.id, ...method },
    metadata: { tenant_id: user.personal_tenant_id ?? "", user_id: user.id },
  });
  return issueTokens(context, tx, signedIn ?? user);
}
