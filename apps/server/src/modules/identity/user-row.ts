import type { User } from "@tributary/contracts";

export interface UserRow {
  id: string;
  email: string;
  password_hash: string | null;
  first_name: string;
  last_name: string;
  platform_role: User["platform_role"];
  status: User["status"];
  email_verified: boolean;
  personal_tenant_id: string | null;
  personal_space_id: string | null;
  onboarding_status: User["onboarding_status"];
  created_at: Date;
  last_login_at: Date | null;
}

export const userColumns =
  "id, email, password_hash, first_name, last_name, platform_role, status, email_verified, personal_tenant_id, personal_space_id, onboarding_status, created_at, last_login_at";

/** The API shape of a user; never includes the password hash. */
export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    first_name: row.first_name,
    last_name: row.last_name,
    full_name: `${row.first_name} ${row.last_name}`.trim(),
    platform_role: row.platform_role,
    status: row.status,
    email_verified: row.email_verified,
    personal_tenant_id: row.personal_tenant_id,
    personal_space_id: row.personal_space_id,
    onboarding_status: row.onboarding_status,
    created_at: row.created_at.toISOString(),
    last_login_at: row.last_login_at?.toISOString() ?? null,
  };
}
