import type { Organization, OrganizationMember, Team, TeamMember } from "@tributary/contracts";
import type { GroupRole } from "./group-roles";

/** Canned API answers for the organization page's component tests. */
export const organizationId = "0190f0b0-0000-7000-8000-0000000000aa";
export const teamId = "0190f0b0-0000-7000-8000-0000000000bb";
export const me = "0190f0b0-0000-7000-8000-000000000001";
export const ownerId = "0190f0b0-0000-7000-8000-000000000002";
export const memberId = "0190f0b0-0000-7000-8000-000000000003";

export function organization(role: GroupRole): Organization {
  return {
    id: organizationId,
    tenant_id: "tenant_2",
    space_id: "space_2",
    name: "Glacier Lab",
    description: "Ice core research",
    role,
    created_by: ownerId,
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
  };
}

export function orgMember(userId: string, name: string, role: GroupRole): OrganizationMember {
  return {
    user_id: userId,
    email: `${name.toLowerCase()}@example.com`,
    full_name: name,
    role,
    title: "",
    department: "",
    invited_by: ownerId,
    joined_at: "2026-01-01T00:00:00Z",
  };
}

export const team: Team = {
  id: teamId,
  organization_id: organizationId,
  name: "Drilling",
  description: "Field work",
  created_by: ownerId,
  created_at: "2026-01-01T00:00:00Z",
  updated_at: "2026-01-01T00:00:00Z",
};

export function teamMember(userId: string, name: string, role: GroupRole): TeamMember {
  return {
    user_id: userId,
    email: `${name.toLowerCase()}@example.com`,
    full_name: name,
    role,
    invited_by: ownerId,
    joined_at: "2026-01-01T00:00:00Z",
  };
}
