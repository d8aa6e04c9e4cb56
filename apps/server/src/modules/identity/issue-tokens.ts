import type { TokenResponse } from "@tributary/contracts";
import type { SqlTx } from "../../platform/sql/index.js";
import { issueAccessToken } from "./access-tokens.js";
import type { IdentityContext } from "./identity-context.js";
import { startSession } from "./sessions.js";
import { toUser, type UserRow } from "./user-row.js";

/** A new login for `user`: an access token and the first refresh token of a new family. */
export async function issueTokens(
  context: IdentityContext,
  tx: SqlTx,
  user: UserRow,
): Promise<TokenResponse> {
  const refreshToken = await startSession(tx, user.id, context.config.refreshTokenTtlSeconds);
  return tokenResponse(context, user, refreshToken);
}

export async function tokenResponse(
  context: IdentityContext,
  user: UserRow,
  refreshToken: string,
): Promise<TokenResponse> {
  const { accessTokenTtlSeconds, refreshTokenTtlSeconds } = context.config;
  const accessToken = await issueAccessToken(context.keys, {
    issuer: context.issuer,
    ttlSeconds: accessTokenTtlSeconds,
    claims: { sub: user.id, role: user.platform_role, email: user.email },
  });
  return {
    access_token: accessToken,
    refresh_token: refreshToken,
    token_type: "Bearer",
    expires_in: accessTokenTtlSeconds,
    refresh_expires_in: refreshTokenTtlSeconds,
    user: toUser(user),
  };
}
