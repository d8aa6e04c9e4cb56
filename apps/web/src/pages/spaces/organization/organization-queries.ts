import { useQuery } from "@tanstack/react-query";
import type { Organization, OrganizationMember, Team, TeamMember } from "@tributary/contracts";
import { api } from "../../../api/client";
import { useCursorList } from "../../../ui/use-cursor-list";
import { organizationsQueryKey } from "../space-queries";

/** Under the organization list's key: invalidating an organization refreshes its members and teams. */
export const organizationQueryKey = (organizationId: string) =>
  [...organizationsQueryKey, organizationId] as const;
export const organizationMembersQueryKey = (organizationId: string) =>
  [...organizationQueryKey(organizationId), "members"] as const;
export const teamsQueryKey = (organizationId: string) =>
  [...organizationQueryKey(organizationId), "teams"] as const;
export const teamMembersQueryKey = (organizationId: string, teamId: string) =>
  [...teamsQueryKey(organizationId), teamId, "members"] as const;

export function useOrganization(organizationId: string) {
  return useQuery({
    queryKey: organizationQueryKey(organizationId),
    queryFn: () => api.get<Organization>(`/api/v1/organizations/${organizationId}`),
  });
}

export function useOrganizationMembers(organizationId: string) {
  return useCursorList<OrganizationMember>({
    queryKey: organizationMembersQueryKey(organizationId),
    path: `/api/v1/organizations/${organizationId}/members`,
    pageSize: 100,
  });
}

export function useTeams(organizationId: string) {
  return useCursorList<Team>({
    queryKey: teamsQueryKey(organizationId),
    path: `/api/v1/organizations/${organizationId}/teams`,
    pageSize: 100,
  });
}

/** Loaded when a team is opened: an organization may have many teams. */
export function useTeamMembers(team: Team, enabled: boolean) {
  return useCursorList<TeamMember>({
    queryKey: teamMembersQueryKey(team.organization_id, team.id),
    path: `/api/v1/teams/${team.id}/members`,
    pageSize: 100,
    enabled,
  });
}
