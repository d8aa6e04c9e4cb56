import type { TokenResponse } from "@tributary/contracts";
import { uuidv7 } from "uuidv7";
import { AppError } from "../../platform/errors/index.js";
import { appendEvent } from "../../platform/events/index.js";
import { recordAudit } from "./audit.js";
import { sendVerificationMail } from "./email/send-verification-mail.js";
import { ensureUserProvisioned } from "./ensure-user-provisioned.js";
import type { IdentityContext } from "./identity-context.js";
import { issueTokens } from "./issue-tokens.js";
import { hashPassword } from "./password.js";
import { type UserRow, userColumns } from "./user-row.js";

export interface RegisterUserOptions {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  ip: string | null;
}

/**
 * Creates an account with its personal tenant, space, membership and notebook in one transaction,
 * and signs it in. The first account on a fresh install becomes platform admin. Without SMTP the
 * account is active at once; with SMTP it starts unverified (verification mail is the mailer's job).
 */
export async function registerUser(
  context: IdentityContext,
  options: RegisterUserOptions,
): Promise<TokenResponse> {
  const passwordHash = await hashPassword(options.password);
  // Load the signing key before the transaction: the embedded database has one connection.
  await context.keys.current();
  const result = await context.sql.withSystem(async (tx) => {
    // Serializes registrations so "first account becomes admin" holds under concurrency.
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('tributary:register'))");
    const [taken] = await tx.query("SELECT 1 FROM users WHERE lower(email) = lower($1)", [options.email]);
    if (taken)
      throw new AppError("CONFLICT", "An account with this email already exists", {
        details: { field: "email" },
      });
    const [{ count } = { count: 0 }] = await tx.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM users",
    );
    const [created] = await tx.query<UserRow>(
      `INSERT INTO users (id, email, password_hash, first_name, last_name, platform_role, email_verified, onboarding_status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'in_progress') RETURNING ${userColumns}`,
      [
        uuidv7(),
        options.email,
        passwordHash,
        options.firstName,
        options.lastName,
        count === 0 ? "admin" : "user",
        context.config.smtp === null,
      ],
    );
    if (!created) throw new Error("insert returned no user");
    const user = await ensureUserProvisioned(tx, created.id);
    const tenantId = user.personal_tenant_id;
    await appendEvent(tx, {
      type: "user.created",
      source: "identity",
      data: { user_id: user.id, email: user.email },
      metadata: { tenant_id: tenantId ?? "", user_id: user.id },
    });
    await recordAudit(tx, {
      action: "user.registered",
      tenantId,
      actorUserId: user.id,
      targetType: "user",
      targetId: user.id,
      ip: options.ip,
      details: { platform_role: user.platform_role },
    });
    return issueTokens(context, tx, user);
  });
  context.notifyEvents();
  await sendVerificationMail(context, result.user);
  return result;
}
