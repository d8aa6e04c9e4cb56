import { createHash } from "node:crypto";
import { uuidv7 } from "uuidv7";
import { AppError } from "../../../platform/errors/index.js";
import { appendEvent } from "../../../platform/events/index.js";
import type { SqlTx } from "../../../platform/sql/index.js";
import { recordAudit } from "../audit.js";
import { ensureUserProvisioned } from "../ensure-user-provisioned.js";
import { type UserRow, userColumns } from "../user-row.js";
import type { ExternalProfile, PlatformRole } from "./external-profile.js";

export interface ProvisionedExternalUser {
  readonly user: UserRow;
  /** True when this call created the account (its first SSO login or first API call). */
  readonly created: boolean;
}

/**
 * Just-in-time provisioning for an external identity, in the caller's system transaction: the
 * user linked to (provider, subject), else the account with the same provider-verified email,
 * else a new account without a password; then its personal tenant and space (once). Safe under
 * concurrency without locks of its own: the unique indexes on users' email and on
 * (provider, subject) make twin requests wait for the first and then find its rows.
 * `role`, when the provider's roles map to one, becomes the user's platform role.
 */
export async function provisionExternalUser(
  tx: SqlTx,
  profile: ExternalProfile,
  role: PlatformRole | undefined,
  ip: string | null,
): Promise<ProvisionedExternalUser> {
  const linked = await linkedUserId(tx, profile);
  const claimed = linked ? { userId: linked, created: false } : await claimAccount(tx, profile);
  let user = await ensureUserProvisioned(tx, claimed.userId);
  const audit = {
    tenantId: user.personal_tenant_id,
    actorUserId: user.id,
    targetType: "user",
    targetId: user.id,
    ip,
  };
  if (claimed.created) {
    await appendEvent(tx, {
      type: "user.created",
      source: "identity",
      data: { user_id: user.id, email: user.email, provider: profile.provider },
      metadata: { tenant_id: user.personal_tenant_id ?? "", user_id: user.id },
    });
    await recordAudit(tx, {
      ...audit,
      action: "user.registered",
      details: { method: "sso", provider: profile.provider },
    });
  }
  if (role && role !== user.platform_role) {
    const [updated] = await tx.query<UserRow>(
      `UPDATE users SET platform_role = $2, updated_at = now() WHERE id = $1 RETURNING ${userColumns}`,
      [user.id, role],
    );
    await recordAudit(tx, {
      ...audit,
      action: "user.updated",
      details: {
        platform_role: role,
        previous_platform_role: user.platform_role,
        provider: profile.provider,
      },
    });
    user = updated ?? user;
  }
  return { user, created: claimed.created };
}

async function linkedUserId(tx: SqlTx, profile: ExternalProfile): Promise<string | undefined> {
  const [row] = await tx.query<{ user_id: string }>(
    "SELECT user_id FROM user_identities WHERE provider = $1 AND subject = $2",
    [profile.provider, profile.subject],
  );
  return row?.user_id;
}

/** Creates (or, by verified email, finds) the account for an identity seen for the first time, and links it. */
async function claimAccount(
  tx: SqlTx,
  profile: ExternalProfile,
): Promise<{ userId: string; created: boolean }> {
  const email = profile.email ?? placeholderEmail(profile);
  const [inserted] = await tx.query<{ id: string }>(
    `INSERT INTO users (id, email, first_name, last_name, email_verified, onboarding_status)
     VALUES ($1, $2, $3, $4, $5, 'in_progress') ON CONFLICT ((lower(email))) DO NOTHING RETURNING id`,
    [uuidv7(), email, profile.firstName, profile.lastName, profile.emailVerified],
  );
  let candidate = inserted ? { userId: inserted.id, created: true } : undefined;
  if (!candidate) {
    // The email is taken: by a twin request for this identity that just committed, or by another
    // account, which we join only when the provider vouches for the address.
    const twin = await linkedUserId(tx, profile);
    if (twin) return { userId: twin, created: false };
    candidate = await accountByVerifiedEmail(tx, profile);
  }
  const [link] = await tx.query<{ user_id: string }>(
    `INSERT INTO user_identities (provider, subject, user_id, email) VALUES ($1, $2, $3, $4)
     ON CONFLICT (provider, subject) DO NOTHING RETURNING user_id`,
    [profile.provider, profile.subject, candidate.userId, profile.email],
  );
  if (link) return candidate;
  // A twin linked the identity first (possible only if the provider changed the email meanwhile).
  const winner = await linkedUserId(tx, profile);
  if (!winner) throw new Error("identity link vanished while provisioning");
  if (candidate.created) await tx.query("DELETE FROM users WHERE id = $1", [candidate.userId]);
  return { userId: winner, created: false };
}

async function accountByVerifiedEmail(
  tx: SqlTx,
  profile: ExternalProfile,
): Promise<{ userId: string; created: false }> {
  if (!profile.email || !profile.emailVerified) {
    throw new AppError(
      "CONFLICT",
      "An account with this email already exists, and the identity provider has not verified the address, so it cannot be linked",
      { details: { provider: profile.provider } },
    );
  }
  const [existing] = await tx.query<{ id: string }>("SELECT id FROM users WHERE lower(email) = lower($1)", [
    profile.email,
  ]);
  if (!existing) throw new AppError("CONFLICT", "The account for this email changed meanwhile; try again");
  return { userId: existing.id, created: false };
}

/** Users need a unique email; an identity without one gets a stable, undeliverable address. */
function placeholderEmail(profile: ExternalProfile): string {
  const digest = createHash("sha256").update(`${profile.provider}\u0000${profile.subject}`).digest("hex");
  return `${digest.slice(0, 32)}@${profile.provider}.sso.invalid`;
}
