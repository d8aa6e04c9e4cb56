import { uuidv7 } from "uuidv7";
import { hashToken, newOpaqueToken, type SecretBox } from "../../platform/crypto/index.js";
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

export interface RotationPolicy {
  readonly ttlSeconds: number;
  /** How long a rotated token is answered with its successor again while that is unused; 0: never. */
  readonly retryGraceSeconds: number;
  /** Keeps the successor sealed until it is used, so a retry can be given the same one. */
  readonly secrets: SecretBox;
}

/**
 * Exchanges a refresh token for the next one in its family. Presenting a token that was already
 * rotated means it leaked: the whole family is revoked (OAuth 2.0 Security BCP, refresh token reuse).
 * One exception: the rotation's answer was lost (the page navigated away mid-request), so the
 * client presents the old token again. Within `retryGraceSeconds` of the rotation, while the
 * successor is unused, it gets that same successor again: no new branch of the family is made,
 * and whoever of two holders uses the successor second is caught as reuse as before.
 */
export async function rotateRefreshToken(
  tx: SqlTx,
  token: string,
  policy: RotationPolicy,
): Promise<RotationResult> {
  const [row] = await tx.query<{
    id: string;
    user_id: string;
    family_id: string;
    rotated_at: Date | null;
    revoked_at: Date | null;
    expired: boolean;
    retry_open: boolean;
    successor_sealed: string | null;
  }>(
    `SELECT id, user_id, family_id, rotated_at, revoked_at, expires_at < now() AS expired,
            rotated_at > now() - make_interval(secs => $2) AS retry_open, successor_sealed
     FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
    [hashToken(token), policy.retryGraceSeconds],
  );
  if (!row || row.revoked_at || row.expired) return { outcome: "invalid" };
  if (row.rotated_at) {
    const successor = row.retry_open ? await unusedSuccessor(tx, row.successor_sealed, policy.secrets) : null;
    if (successor) return { outcome: "rotated", userId: row.user_id, refreshToken: successor };
    await revokeFamily(tx, row.family_id);
    return { outcome: "reused", userId: row.user_id, familyId: row.family_id };
  }
  const next = newOpaqueToken(refreshTokenPrefix);
  const sealed = policy.retryGraceSeconds > 0 ? policy.secrets.seal(next) : null;
  await tx.query("UPDATE refresh_tokens SET rotated_at = now(), successor_sealed = $2 WHERE id = $1", [
    row.id,
    sealed,
  ]);
  // The token presented is now used, so its predecessor can no longer be retried: drop the copy.
  await tx.query(
    "UPDATE refresh_tokens SET successor_sealed = NULL WHERE family_id = $1 AND id <> $2 AND successor_sealed IS NOT NULL",
    [row.family_id, row.id],
  );
  await tx.query(
    `INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
    [uuidv7(), row.user_id, row.family_id, hashToken(next), policy.ttlSeconds],
  );
  return { outcome: "rotated", userId: row.user_id, refreshToken: next };
}

/** The sealed successor, if it is still live and unused; null otherwise. */
async function unusedSuccessor(tx: SqlTx, sealed: string | null, secrets: SecretBox): Promise<string | null> {
  if (sealed === null) return null;
  const successor = secrets.open(sealed);
  const [live] = await tx.query<{ id: string }>(
    `SELECT id FROM refresh_tokens
     WHERE token_hash = $1 AND rotated_at IS NULL AND revoked_at IS NULL AND expires_at > now()`,
    [hashToken(successor)],
  );
  return live ? successor : null;
}

export async function revokeFamily(tx: SqlTx, familyId: string): Promise<void> {
  await tx.query(
    "UPDATE refresh_tokens SET revoked_at = now(), successor_sealed = NULL WHERE family_id = $1 AND revoked_at IS NULL",
    [familyId],
  );
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
  await tx.query(
    "UPDATE refresh_tokens SET revoked_at = now(), successor_sealed = NULL WHERE user_id = $1 AND revoked_at IS NULL",
    [userId],
  );
}
