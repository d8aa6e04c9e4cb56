import type { TokenResponse } from "@tributary/contracts";
import { AppError } from "../../platform/errors/index.js";
import { recordAudit } from "./audit.js";
import type { IdentityContext } from "./identity-context.js";
import { tokenResponse } from "./issue-tokens.js";
import { rotateRefreshToken } from "./sessions.js";
import { type UserRow, userColumns } from "./user-row.js";

/** Rotates a refresh token; a reused one revokes its whole family (and is audited). */
export async function refreshSession(context: IdentityContext, refreshToken: string): Promise<TokenResponse> {
  const outcome = await context.sql.withSystem(async (tx) => {
    const rotation = await rotateRefreshToken(tx, refreshToken, {
      ttlSeconds: context.config.refreshTokenTtlSeconds,
      retryGraceSeconds: context.config.refreshTokenRetryGraceSeconds,
      secrets: context.secrets,
    });
    if (rotation.outcome === "reused") {
      await recordAudit(tx, {
        action: "session.family_revoked",
        actorUserId: rotation.userId,
        targetType: "session",
        targetId: rotation.familyId,
        details: { reason: "refresh token reuse" },
      });
      return { rotation, user: undefined };
    }
    if (rotation.outcome === "invalid") return { rotation, user: undefined };
    const [user] = await tx.query<UserRow>(`SELECT ${userColumns} FROM users WHERE id = $1`, [
      rotation.userId,
    ]);
    return { rotation, user };
  });
  const { rotation, user } = outcome;
  switch (rotation.outcome) {
    case "reused":
      throw new AppError(
        "UNAUTHORIZED",
        "This refresh token was already used; every session of this login was signed out",
      );
    case "invalid":
      throw new AppError("UNAUTHORIZED", "The refresh token is invalid, expired or revoked; sign in again");
    case "rotated":
      if (user?.status !== "active") throw new AppError("UNAUTHORIZED", "This account cannot sign in");
      return tokenResponse(context, user, rotation.refreshToken);
  }
}
