import type { OrganizationMember, SpaceMember, TeamMember } from "@tributary/contracts";

/** A membership joined with its user, for space, team and organization member lists. */
export interface MemberRow {
  user_id: string;
  email: string;
  first_name: string;
  last_name: string;
  role: string;
  invited_by: string;
  joined_at: Date;
  title?: string;
  department?: string;
}

/** Columns of `<alias> JOIN users u` for a MemberRow. */
export function memberColumns(alias: string, extra: readonly string[] = []): string {
  return [
    `${alias}.user_id`,
    "u.email",
    "u.first_name",
    "u.last_name",
    `${alias}.role`,
    `${alias}.invited_by`,
    `${alias}.joined_at`,
    ...extra.map((column) => `${alias}.${column}`),
  ].join(", ");
}

function common(row: MemberRow) {
  return {
    user_id: row.user_id,
    email: row.email,
    full_name: `${row.first_name} ${row.last_name}`.trim(),
    invited_by: row.invited_by,
    joined_at: row.joined_at.toISOString(),
  };
}

export function toSpaceMember(row: MemberRow): SpaceMember {
  return { ...common(row), role: row.role as SpaceMember["role"] };
}

export function toTeamMember(row: MemberRow): TeamMember {
  return { ...common(row), role: row.role as TeamMember["role"] };
}

export function toOrganizationMember(row: MemberRow): OrganizationMember {
  return {
    ...common(row),
    role: row.role as OrganizationMember["role"],
    title: row.title ?? "",
    department: row.department ?? "",
  };
}
