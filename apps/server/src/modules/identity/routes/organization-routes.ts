import {
  addOrganizationMemberRequestSchema,
  addTeamMemberRequestSchema,
  createOrganizationRequestSchema,
  createTeamRequestSchema,
  organizationMemberSchema,
  organizationSchema,
  pageQuerySchema,
  pageSchema,
  teamMemberSchema,
  teamSchema,
  updateOrganizationMemberRequestSchema,
  updateOrganizationRequestSchema,
  updateTeamMemberRequestSchema,
  updateTeamRequestSchema,
} from "@tributary/contracts";
import { z } from "zod";
import { type AnyRoute, defineRoute } from "../../../http/route-builder.js";
import type { IdentityContext } from "../identity-context.js";
import { addOrganizationMember } from "../spaces/add-organization-member.js";
import { addTeamMember } from "../spaces/add-team-member.js";
import { createOrganization } from "../spaces/create-organization.js";
import { createTeam } from "../spaces/create-team.js";
import { deleteOrganization } from "../spaces/delete-organization.js";
import { deleteTeam } from "../spaces/delete-team.js";
import { getOrganization } from "../spaces/get-organization.js";
import { getTeam } from "../spaces/get-team.js";
import { listOrganizationMembers } from "../spaces/list-organization-members.js";
import { listOrganizations } from "../spaces/list-organizations.js";
import { listTeamMembers } from "../spaces/list-team-members.js";
import { listTeams } from "../spaces/list-teams.js";
import { removeOrganizationMember } from "../spaces/remove-organization-member.js";
import { removeTeamMember } from "../spaces/remove-team-member.js";
import { updateOrganization } from "../spaces/update-organization.js";
import { updateOrganizationMember } from "../spaces/update-organization-member.js";
import { updateTeam } from "../spaces/update-team.js";
import { updateTeamMember } from "../spaces/update-team-member.js";
import { caller, userIdParam, uuidParam } from "./route-helpers.js";

const orgTags = ["organizations"];
const teamTags = ["teams"];
const orgParams = z.object({ organization_id: uuidParam }).strict();
const orgMemberParams = z.object({ organization_id: uuidParam, user_id: userIdParam }).strict();
const teamParams = z.object({ team_id: uuidParam }).strict();
const teamMemberParams = z.object({ team_id: uuidParam, user_id: userIdParam }).strict();

/** Organizations (each with its own tenant and space), their members and their teams. */
export function organizationRoutes(context: IdentityContext): AnyRoute[] {
  return [
    defineRoute({
      method: "POST",
      url: "/api/v1/organizations",
      summary: "Create an organization with its own tenant and space; the caller owns it",
      tags: orgTags,
      auth: "required",
      status: 201,
      body: createOrganizationRequestSchema,
      response: organizationSchema,
      handler: ({ principal, body }) => createOrganization(context, caller(principal), body),
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/organizations",
      summary: "The organizations the caller belongs to",
      tags: orgTags,
      auth: "required",
      query: pageQuerySchema,
      response: pageSchema(organizationSchema),
      handler: ({ principal, query }) => listOrganizations(context, caller(principal), query),
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/organizations/:organization_id",
      summary: "An organization the caller belongs to",
      tags: orgTags,
      auth: "required",
      params: orgParams,
      response: organizationSchema,
      handler: ({ principal, params }) => getOrganization(context, caller(principal), params.organization_id),
    }),
    defineRoute({
      method: "PATCH",
      url: "/api/v1/organizations/:organization_id",
      summary: "Rename or describe an organization (owners and admins)",
      tags: orgTags,
      auth: "required",
      params: orgParams,
      body: updateOrganizationRequestSchema,
      response: organizationSchema,
      handler: ({ principal, params, body }) =>
        updateOrganization(context, caller(principal), params.organization_id, body),
    }),
    defineRoute({
      method: "DELETE",
      url: "/api/v1/organizations/:organization_id",
      summary: "Soft-delete an organization with its tenant and spaces (owners only)",
      tags: orgTags,
      auth: "required",
      status: 204,
      params: orgParams,
      response: z.undefined(),
      handler: async ({ principal, params }) => {
        await deleteOrganization(context, caller(principal), params.organization_id);
        return undefined;
      },
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/organizations/:organization_id/members",
      summary: "An organization's members",
      tags: orgTags,
      auth: "required",
      params: orgParams,
      query: pageQuerySchema,
      response: pageSchema(organizationMemberSchema),
      handler: ({ principal, params, query }) =>
        listOrganizationMembers(context, caller(principal), params.organization_id, query),
    }),
    defineRoute({
      method: "POST",
      url: "/api/v1/organizations/:organization_id/members",
      summary: "Add an existing user (by user_id or email) with a role, title and department",
      tags: orgTags,
      auth: "required",
      status: 201,
      params: orgParams,
      body: addOrganizationMemberRequestSchema,
      response: organizationMemberSchema,
      handler: ({ principal, params, body }) =>
        addOrganizationMember(context, caller(principal), params.organization_id, body),
    }),
    defineRoute({
      method: "PATCH",
      url: "/api/v1/organizations/:organization_id/members/:user_id",
      summary: "Change a member's role, title or department",
      tags: orgTags,
      auth: "required",
      params: orgMemberParams,
      body: updateOrganizationMemberRequestSchema,
      response: organizationMemberSchema,
      handler: ({ principal, params, body }) =>
        updateOrganizationMember(context, caller(principal), params.organization_id, params.user_id, body),
    }),
    defineRoute({
      method: "DELETE",
      url: "/api/v1/organizations/:organization_id/members/:user_id",
      summary: "Remove a member (or leave), with their memberships of the organization's teams",
      tags: orgTags,
      auth: "required",
      status: 204,
      params: orgMemberParams,
      response: z.undefined(),
      handler: async ({ principal, params }) => {
        await removeOrganizationMember(context, caller(principal), params.organization_id, params.user_id);
        return undefined;
      },
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/organizations/:organization_id/teams",
      summary: "An organization's teams",
      tags: teamTags,
      auth: "required",
      params: orgParams,
      query: pageQuerySchema,
      response: pageSchema(teamSchema),
      handler: ({ principal, params, query }) =>
        listTeams(context, caller(principal), params.organization_id, query),
    }),
    defineRoute({
      method: "POST",
      url: "/api/v1/organizations/:organization_id/teams",
      summary: "Create a team (organization owners and admins); the caller owns it",
      tags: teamTags,
      auth: "required",
      status: 201,
      params: orgParams,
      body: createTeamRequestSchema,
      response: teamSchema,
      handler: ({ principal, params, body }) =>
        createTeam(context, caller(principal), params.organization_id, body),
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/teams/:team_id",
      summary: "A team of one of the caller's organizations",
      tags: teamTags,
      auth: "required",
      params: teamParams,
      response: teamSchema,
      handler: ({ principal, params }) => getTeam(context, caller(principal), params.team_id),
    }),
    defineRoute({
      method: "PATCH",
      url: "/api/v1/teams/:team_id",
      summary: "Rename or describe a team (team or organization owners and admins)",
      tags: teamTags,
      auth: "required",
      params: teamParams,
      body: updateTeamRequestSchema,
      response: teamSchema,
      handler: ({ principal, params, body }) => updateTeam(context, caller(principal), params.team_id, body),
    }),
    defineRoute({
      method: "DELETE",
      url: "/api/v1/teams/:team_id",
      summary: "Delete a team and its memberships (team or organization owners)",
      tags: teamTags,
      auth: "required",
      status: 204,
      params: teamParams,
      response: z.undefined(),
      handler: async ({ principal, params }) => {
        await deleteTeam(context, caller(principal), params.team_id);
        return undefined;
      },
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/teams/:team_id/members",
      summary: "A team's members",
      tags: teamTags,
      auth: "required",
      params: teamParams,
      query: pageQuerySchema,
      response: pageSchema(teamMemberSchema),
      handler: ({ principal, params, query }) =>
        listTeamMembers(context, caller(principal), params.team_id, query),
    }),
    defineRoute({
      method: "POST",
      url: "/api/v1/teams/:team_id/members",
      summary: "Add a member of the organization to the team",
      tags: teamTags,
      auth: "required",
      status: 201,
      params: teamParams,
      body: addTeamMemberRequestSchema,
      response: teamMemberSchema,
      handler: ({ principal, params, body }) =>
        addTeamMember(context, caller(principal), params.team_id, body),
    }),
    defineRoute({
      method: "PATCH",
      url: "/api/v1/teams/:team_id/members/:user_id",
      summary: "Change a team member's role (only owners grant or take away owner)",
      tags: teamTags,
      auth: "required",
      params: teamMemberParams,
      body: updateTeamMemberRequestSchema,
      response: teamMemberSchema,
      handler: ({ principal, params, body }) =>
        updateTeamMember(context, caller(principal), params.team_id, params.user_id, body.role),
    }),
    defineRoute({
      method: "DELETE",
      url: "/api/v1/teams/:team_id/members/:user_id",
      summary: "Remove a team member, or leave the team",
      tags: teamTags,
      auth: "required",
      status: 204,
      params: teamMemberParams,
      response: z.undefined(),
      handler: async ({ principal, params }) => {
        await removeTeamMember(context, caller(principal), params.team_id, params.user_id);
        return undefined;
      },
    }),
  ];
}
