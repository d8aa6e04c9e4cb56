import type { SecretBox } from "../../../platform/crypto/index.js";
import { hashToken } from "../../../platform/crypto/index.js";
import type { Sql } from "../../../platform/sql/index.js";

/** How long a browser may take at the provider between /start and /callback. */
export const pendingLoginTtlSeconds = 600;

export interface PendingLogin {
  readonly provider: string;
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly redirectTo: string | null;
}

/** Remembers a login in flight, server-side, so whichever node gets the callback can finish it. */
export async function savePendingLogin(sql: Sql, secrets: SecretBox, login: PendingLogin): Promise<void> {
  await sql.withSystem(async (tx) => {
    // Abandoned logins would pile up; every start sweeps the expired ones (indexed, usually none).
    await tx.query("DELETE FROM oidc_pending_logins WHERE expires_at < now()");
    await tx.query(
      `INSERT INTO oidc_pending_logins (state_hash, provider, nonce, code_verifier_sealed, redirect_to, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))`,
      [
        hashToken(login.state),
        login.provider,
        login.nonce,
        secrets.seal(login.codeVerifier),
        login.redirectTo,
        pendingLoginTtlSeconds,
      ],
    );
  });
}

/**
 * Takes the login a callback's `state` belongs to, at most once: the row is deleted as it is read,
 * so a replayed state finds nothing. Undefined when unknown, already used, expired or another
 * provider's.
 */
export async function takePendingLogin(
  sql: Sql,
  secrets: SecretBox,
  provider: string,
  state: string,
): Promise<PendingLogin | undefined> {
  const [row] = await sql.withSystem((tx) =>
    tx.query<{
      provider: string;
      nonce: string;
      code_verifier_sealed: string;
      redirect_to: string | null;
      live: boolean;
    }>(
      `DELETE FROM oidc_pending_logins WHERE state_hash = $1
       RETURNING provider, nonce, code_verifier_sealed, redirect_to, expires_at > now() AS live`,
      [hashToken(state)],
    ),
  );
  if (!row?.live || row.provider !== provider) return undefined;
  return {
    provider,
    state,
    nonce: row.nonce,
    codeVerifier: secrets.open(row.code_verifier_sealed),
    redirectTo: row.redirect_to,
  };
}
