import {
  addSpaceMemberRequestSchema,
  createdInvitationSchema,
  createInvitationRequestSchema,
  createSpaceRequestSchema,
  invitationPreviewSchema,
  invitationSchema,
  pageQuerySchema,
  pageSchema,
  spaceIdSchema,
  spaceMemberSchema,
  spaceSchema,
  updateSpaceMemberRequestSchema,
  updateSpaceRequestSchema,
} from "@tributary/contracts";
import { z } from "zod";
import { type AnyRoute, defineRoute } from "../../../http/route-builder.js";
import type { IdentityContext } from "../identity-context.js";
import { acceptInvitation } from "../spaces/accept-invitation.js";
import { addMember } from "../spaces/add-member.js";
import { createInvitation } from "../spaces/create-invitation.js";
import { createSpace } from "../spaces/create-space.js";
import { deleteSpace } from "../spaces/delete-space.js";
import { getSpace } from "../spaces/get-space.js";
import { listInvitations } from "../spaces/list-invitations.js";
import { listMembers } from "../spaces/list-members.js";
import { listSpaces } from "../spaces/list-spaces.js";
import { previewInvitation } from "../spaces/preview-invitation.js";
import { removeMember } from "../spaces/remove-member.js";
import { revokeInvitation } from "../spaces/revoke-invitation.js";
import { updateMember } from "../spaces/update-member.js";
import { updateSpace } from "../spaces/update-space.js";
import { organizationRoutes } from "./organization-routes.js";
import { caller, pathSpace, userIdParam, uuidParam } from "./route-helpers.js";

const tags = ["spaces"];
const spaceParams = z.object({ space_id: spaceIdSchema }).strict();
const memberParams = z.object({ space_id: spaceIdSchema, user_id: userIdParam }).strict();
const invitationParams = z.object({ space_id: spaceIdSchema, invitation_id: uuidParam }).strict();
const tokenParams = z.object({ token: z.string().min(16).max(128) }).strict();
// Per client address, like the other public token routes: slows token guessing.
const previewLimit = { limit: 10, windowMs: 60_000 };

/**
 * Spaces, members and invitations, plus organizations and teams. A space in the path is
 * authoritative (X-Space-ID, if sent, must match); a space the caller is not in answers 404.
 */
export function spaceRoutes(context: IdentityContext): AnyRoute[] {
  return [
    defineRoute({
      method: "GET",
      url: "/api/v1/spaces",
      summary: "The caller's spaces with their role, the personal (default) space first",
      tags,
      auth: "required",
      query: pageQuerySchema,
      response: pageSchema(spaceSchema),
      handler: ({ principal, query }) => listSpaces(context, caller(principal), query),
    }),
    defineRoute({
      method: "POST",
      url: "/api/v1/spaces",
      summary: "Create an organization space (its own tenant); organization owners and admins only",
      tags,
      auth: "required",
      status: 201,
      body: createSpaceRequestSchema,
      response: spaceSchema,
      handler: ({ principal, body }) => createSpace(context, caller(principal), body),
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/spaces/:space_id",
      summary: "A space the caller is a member of",
      tags,
      auth: "required",
      params: spaceParams,
      response: spaceSchema,
      handler: ({ principal, params, request }) =>
        getSpace(context, caller(principal), pathSpace(request, params.space_id)),
    }),
    defineRoute({
      method: "PATCH",
      url: "/api/v1/spaces/:space_id",
      summary: "Change a space's name, description, visibility or settings (owners and admins)",
      tags,
      auth: "required",
      params: spaceParams,
      body: updateSpaceRequestSchema,
      response: spaceSchema,
      handler: ({ principal, params, body, request }) =>
        updateSpace(context, caller(principal), pathSpace(request, params.space_id), body),
    }),
    defineRoute({
      method: "DELETE",
      url: "/api/v1/spaces/:space_id",
      summary: "Soft-delete a space (owners only; personal spaces cannot be deleted)",
      tags,
      auth: "required",
      status: 204,
      params: spaceParams,
      response: z.undefined(),
      handler: async ({ principal, params, request }) => {
        await deleteSpace(context, caller(principal), pathSpace(request, params.space_id));
        return undefined;
      },
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/spaces/:space_id/members",
      summary: "A space's members and their roles",
      tags,
      auth: "required",
      params: spaceParams,
      query: pageQuerySchema,
      response: pageSchema(spaceMemberSchema),
      handler: ({ principal, params, query, request }) =>
        listMembers(context, caller(principal), pathSpace(request, params.space_id), query),
    }),
    defineRoute({
      method: "POST",
      url: "/api/v1/spaces/:space_id/members",
      summary: "Add an existing user (by user_id or email) with a role",
      tags,
      auth: "required",
      status: 201,
      params: spaceParams,
      body: addSpaceMemberRequestSchema,
      response: spaceMemberSchema,
      handler: ({ principal, params, body, request }) =>
        addMember(context, caller(principal), pathSpace(request, params.space_id), body),
    }),
    defineRoute({
      method: "PATCH",
      url: "/api/v1/spaces/:space_id/members/:user_id",
      summary: "Change a member's role (admins: not owners, and never to owner)",
      tags,
      auth: "required",
      params: memberParams,
      body: updateSpaceMemberRequestSchema,
      response: spaceMemberSchema,
      handler: ({ principal, params, body, request }) =>
        updateMember(
          context,
          caller(principal),
          pathSpace(request, params.space_id),
          params.user_id,
          body.role,
        ),
    }),
    defineRoute({
      method: "DELETE",
      url: "/api/v1/spaces/:space_id/members/:user_id",
      summary: "Remove a member, or leave (the last owner cannot)",
      tags,
      auth: "required",
      status: 204,
      params: memberParams,
      response: z.undefined(),
      handler: async ({ principal, params, request }) => {
        await removeMember(context, caller(principal), pathSpace(request, params.space_id), params.user_id);
        return undefined;
      },
    }),
    defineRoute({
      method: "POST",
      url: "/api/v1/spaces/:space_id/invitations",
      summary: "Invite an email address; the single-use token is shown only in this response",
      tags,
      auth: "required",
      status: 201,
      params: spaceParams,
      body: createInvitationRequestSchema,
      response: createdInvitationSchema,
      handler: ({ principal, params, body, request }) =>
        createInvitation(context, caller(principal), pathSpace(request, params.space_id), body),
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/spaces/:space_id/invitations",
      summary: "A space's invitations and their status",
      tags,
      auth: "required",
      params: spaceParams,
      query: pageQuerySchema,
      response: pageSchema(invitationSchema),
      handler: ({ principal, params, query, request }) =>
        listInvitations(context, caller(principal), pathSpace(request, params.space_id), query),
    }),
    defineRoute({
      method: "DELETE",
      url: "/api/v1/spaces/:space_id/invitations/:invitation_id",
      summary: "Revoke a pending invitation",
      tags,
      auth: "required",
      status: 204,
      params: invitationParams,
      response: z.undefined(),
      handler: async ({ principal, params, request }) => {
        await revokeInvitation(
          context,
          caller(principal),
          pathSpace(request, params.space_id),
          params.invitation_id,
        );
        return undefined;
      },
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/invitations/:token",
      summary: "What a pending invitation is for (space, role, inviter, masked email); no sign-in needed",
      description:
        "Used, revoked and expired invitations answer 409/422 with details.reason invitation_used, invitation_revoked or invitation_expired.",
      tags,
      auth: "public",
      rateLimit: previewLimit,
      params: tokenParams,
      response: invitationPreviewSchema,
      handler: ({ params }) => previewInvitation(context, params.token),
    }),
    defineRoute({
      method: "POST",
      url: "/api/v1/invitations/:token/accept",
      summary: "Accept an invitation sent to the signed-in user's email (single use)",
      tags,
      auth: "required",
      params: tokenParams,
      response: spaceSchema,
      handler: ({ principal, params }) => acceptInvitation(context, caller(principal), params.token),
    }),
    ...organizationRoutes(context),
  ];
}
