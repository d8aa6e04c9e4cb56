import { uuidv7 } from "uuidv7";
import { hashToken, newOpaqueToken } from "../../platform/crypto/index.js";
import type { SqlTx } from "../../platform/sql/index.js";

export const refreshTokenPrefix = "trt_";

/** Starts a token family (one login) and returns its first refresh token. */
export async function startSession(tx: SqlTx, userId: string, ttlSeconds: number): Promise<string> {
  const token = newOpaqueToken(refreshTokenPrefix);
  await tx.query(
    `INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
    [uuidv7(), userId, uuidv7(), hashToken(token), ttlSeconds],
  );
  return token;
}

export type RotationResult =
  | { outcome: "rotated"; userId: string; refreshToken: string }
  | { outcome: "reused"; userId: string; familyId: string }
  | { outcome: "invalid" };

/**
 * Exchanges a refresh token for the next one in its family. Presenting a token that was already
 * rotated means it leaked: the whole family is revoked (OAuth 2.0 Security BCP, refresh token reuse).
 */
export async function rotateRefreshToken(
  tx: SqlTx,
  token: string,
  ttlSeconds: number,
): Promise<RotationResult> {
  const [row] = await tx.query<{
    id: string;
    user_id: string;
    family_id: string;
    rotated_at: Date | null;
    revoked_at: Date | null;
    expired: boolean;
  }>(
    `SELECT id, user_id, family_id, rotated_at, revoked_at, expires_at < now() AS expired
     FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
    [hashToken(token)],
  );
  if (!row || row.revoked_at || row.expired) return { outcome: "invalid" };
  if (row.rotated_at) {
    await revokeFamily(tx, row.family_id);
    return { outcome: "reused", userId: row.user_id, familyId: row.family_id };
  }
  const next = newOpaqueToken(refreshTokenPrefix);
  await tx.query("UPDATE refresh_tokens SET rotated_at = now() WHERE id = $1", [row.id]);
  await tx.query(
    `INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
    [uuidv7(), row.user_id, row.family_id, hashToken(next), ttlSeconds],
  );
  return { outcome: "rotated", userId: row.user_id, refreshToken: next };
}

export async function revokeFamily(tx: SqlTx, familyId: string): Promise<void> {
  await tx.query("UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL", [
    familyId,
  ]);
}

/** Ends the login a refresh token belongs to; unknown tokens are ignored (logout is idempotent). */
export async function endSession(tx: SqlTx, token: string): Promise<string | null> {
  const [row] = await tx.query<{ family_id: string; user_id: string }>(
    "SELECT family_id, user_id FROM refresh_tokens WHERE token_hash = $1",
    [hashToken(token)],
  );
  if (!row) return null;
  await revokeFamily(tx, row.family_id);
  return row.user_id;
}

/** Revokes every login of a user (suspension, password change). */
export async function revokeAllSessions(tx: SqlTx, userId: string): Promise<void> {
  await tx.query("UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL", [
    userId,
  ]);
}
