import { recordAudit } from "./audit.js";
import type { IdentityContext } from "./identity-context.js";
import { endSession } from "./sessions.js";

/** Ends the login the refresh token belongs to. Idempotent: an unknown token is not an error. */
export async function logoutUser(
  context: IdentityContext,
  refreshToken: string,
  ip: string | null,
): Promise<void> {
  await context.sql.withSystem(async (tx) => {
    const userId = await endSession(tx, refreshToken);
    if (userId) await recordAudit(tx, { action: "user.logged_out", actorUserId: userId, ip });
  });
}
