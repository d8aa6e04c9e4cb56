import { uuidv7 } from "uuidv7";
import { hashToken, newOpaqueToken } from "../../../platform/crypto/index.js";
import type { SqlTx } from "../../../platform/sql/index.js";

export type EmailTokenPurpose = "verify_email" | "password_reset";

const prefixes: Record<EmailTokenPurpose, string> = { verify_email: "trv_", password_reset: "trp_" };

/** A single-use token to mail to `email`; only its hash is stored. */
export async function issueEmailToken(
  tx: SqlTx,
  options: { userId: string; email: string; purpose: EmailTokenPurpose; ttlSeconds: number },
): Promise<string> {
  const token = newOpaqueToken(prefixes[options.purpose]);
  await tx.query(
    `INSERT INTO email_tokens (id, user_id, purpose, token_hash, email, expires_at)
     VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))`,
    [uuidv7(), options.userId, options.purpose, hashToken(token), options.email, options.ttlSeconds],
  );
  return token;
}

/**
 * Uses up a token: the first call with a live token gets its user and address, every later call
 * (and any expired, unknown or other-purpose token) gets null.
 */
export async function consumeEmailToken(
  tx: SqlTx,
  token: string,
  purpose: EmailTokenPurpose,
): Promise<{ userId: string; email: string } | null> {
  const [row] = await tx.query<{ user_id: string; email: string }>(
    `UPDATE email_tokens SET used_at = now()
     WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
     RETURNING user_id, email`,
    [hashToken(token), purpose],
  );
  return row ? { userId: row.user_id, email: row.email } : null;
}

/** Retires a user's other outstanding tokens of a purpose (a password reset ends older reset links). */
export async function retireEmailTokens(
  tx: SqlTx,
  userId: string,
  purpose: EmailTokenPurpose,
): Promise<void> {
  await tx.query(
    "UPDATE email_tokens SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL",
    [userId, purpose],
  );
}
