import { z } from "zod";
import { spaceRoleSchema } from "./identity.js";

/** Space ids follow the TAS chain `space_<digits>` (the digits of its tenant `tenant_<digits>`). */
export const spaceIdSchema = z.string().regex(/^space_[0-9]{1,40}$/, "must look like space_<digits>");
export const groupRoleSchema = z.enum(["owner", "admin", "member"]);
export const invitationRoleSchema = z.enum(["admin", "member", "viewer"]);
export const spaceVisibilitySchema = z.enum(["private", "team", "organization", "public"]);

const name = z.string().trim().min(1).max(100);
const description = z.string().max(500);
const email = z.email().max(254);
const settings = z
  .record(z.string().max(64), z.unknown())
  .refine((value) => JSON.stringify(value).length <= 16_384, "settings must be at most 16 KiB of JSON");

export const spaceSchema = z
  .object({
    id: z.string(),
    tenant_id: z.string(),
    name: z.string(),
    description: z.string(),
    space_type: z.enum(["personal", "organization"]),
    status: z.enum(["active", "suspended", "deleted"]),
    visibility: spaceVisibilitySchema,
    owner_user_id: z.string().nullable(),
    organization_id: z.string().nullable(),
    settings: z.record(z.string(), z.unknown()),
    role: spaceRoleSchema.describe("The caller's role in this space"),
    is_default: z.boolean().describe("The caller's personal space"),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: "Space" });

export const createSpaceRequestSchema = z
  .object({
    organization_id: z
      .uuid()
      .describe("The organization that owns the space; caller must be its owner or admin"),
    name,
    description: description.optional(),
    visibility: spaceVisibilitySchema.optional(),
    settings: settings.optional(),
  })
  .strict()
  .meta({ id: "CreateSpaceRequest" });

export const updateSpaceRequestSchema = z
  .object({
    name: name.optional(),
    description: description.optional(),
    visibility: spaceVisibilitySchema.optional(),
    settings: settings.optional(),
  })
  .strict()
  .refine((value) => Object.keys(value).length > 0, "send at least one field to change")
  .meta({ id: "UpdateSpaceRequest" });

const memberIdentity = {
  user_id: z.uuid().optional(),
  email: email.optional(),
};
const exactlyOneIdentity = (value: { user_id?: string | undefined; email?: string | undefined }) =>
  (value.user_id === undefined) !== (value.email === undefined);
const identityMessage = "send exactly one of user_id or email";

export const spaceMemberSchema = z
  .object({
    user_id: z.string(),
    email: z.string(),
    full_name: z.string(),
    role: spaceRoleSchema,
    invited_by: z.string(),
    joined_at: z.string(),
  })
  .meta({ id: "SpaceMember" });

export const addSpaceMemberRequestSchema = z
  .object({ ...memberIdentity, role: spaceRoleSchema })
  .strict()
  .refine(exactlyOneIdentity, identityMessage)
  .meta({ id: "AddSpaceMemberRequest" });

export const updateSpaceMemberRequestSchema = z
  .object({ role: spaceRoleSchema })
  .strict()
  .meta({ id: "UpdateSpaceMemberRequest" });

export const invitationSchema = z
  .object({
    id: z.string(),
    space_id: z.string(),
    email: z.string(),
    role: invitationRoleSchema,
    status: z.enum(["pending", "accepted", "revoked", "expired"]),
    invited_by: z.string(),
    expires_at: z.string(),
    accepted_at: z.string().nullable(),
    created_at: z.string(),
  })
  .meta({ id: "Invitation" });

/** What an invitation link shows before it is accepted (public: the token is the secret). */
export const invitationPreviewSchema = z
  .object({
    space_id: z.string(),
    space_name: z.string(),
    role: invitationRoleSchema,
    invited_by_name: z.string().nullable().describe("null when the inviter's account is gone"),
    email: z.string().describe("The invited address, masked like a***@example.com"),
    expires_at: z.string(),
    status: z.literal("pending").describe("Used, revoked and expired invitations answer an error instead"),
  })
  .meta({ id: "InvitationPreview" });

export const createdInvitationSchema = invitationSchema
  .extend({ token: z.string().describe("Single-use; shown only in this response") })
  .meta({ id: "CreatedInvitation" });

export const createInvitationRequestSchema = z
  .object({ email, role: invitationRoleSchema })
  .strict()
  .meta({ id: "CreateInvitationRequest" });

export const organizationSchema = z
  .object({
    id: z.string(),
    tenant_id: z.string(),
    space_id: z.string(),
    name: z.string(),
    description: z.string(),
    role: groupRoleSchema.describe("The caller's role in this organization"),
    created_by: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: "Organization" });

export const createOrganizationRequestSchema = z
  .object({ name, description: description.optional() })
  .strict()
  .meta({ id: "CreateOrganizationRequest" });

export const updateOrganizationRequestSchema = z
  .object({ name: name.optional(), description: description.optional() })
  .strict()
  .refine((value) => Object.keys(value).length > 0, "send at least one field to change")
  .meta({ id: "UpdateOrganizationRequest" });

const orgText = z.string().trim().max(100);

export const organizationMemberSchema = z
  .object({
    user_id: z.string(),
    email: z.string(),
    full_name: z.string(),
    role: groupRoleSchema,
    title: z.string(),
    department: z.string(),
    invited_by: z.string(),
    joined_at: z.string(),
  })
  .meta({ id: "OrganizationMember" });

export const addOrganizationMemberRequestSchema = z
  .object({
    ...memberIdentity,
    role: groupRoleSchema,
    title: orgText.optional(),
    department: orgText.optional(),
  })
  .strict()
  .refine(exactlyOneIdentity, identityMessage)
  .meta({ id: "AddOrganizationMemberRequest" });

export const updateOrganizationMemberRequestSchema = z
  .object({ role: groupRoleSchema.optional(), title: orgText.optional(), department: orgText.optional() })
  .strict()
  .refine((value) => Object.keys(value).length > 0, "send at least one field to change")
  .meta({ id: "UpdateOrganizationMemberRequest" });

export const teamSchema = z
  .object({
    id: z.string(),
    organization_id: z.string(),
    name: z.string(),
    description: z.string(),
    created_by: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: "Team" });

export const createTeamRequestSchema = z
  .object({ name, description: description.optional() })
  .strict()
  .meta({ id: "CreateTeamRequest" });

export const updateTeamRequestSchema = z
  .object({ name: name.optional(), description: description.optional() })
  .strict()
  .refine((value) => Object.keys(value).length > 0, "send at least one field to change")
  .meta({ id: "UpdateTeamRequest" });

export const teamMemberSchema = z
  .object({
    user_id: z.string(),
    email: z.string(),
    full_name: z.string(),
    role: groupRoleSchema,
    invited_by: z.string(),
    joined_at: z.string(),
  })
  .meta({ id: "TeamMember" });

export const addTeamMemberRequestSchema = z
  .object({ ...memberIdentity, role: groupRoleSchema })
  .strict()
  .refine(exactlyOneIdentity, identityMessage)
  .meta({ id: "AddTeamMemberRequest" });

export const updateTeamMemberRequestSchema = z
  .object({ role: groupRoleSchema })
  .strict()
  .meta({ id: "UpdateTeamMemberRequest" });

export type Space = z.infer<typeof spaceSchema>;
export type SpaceMember = z.infer<typeof spaceMemberSchema>;
export type Invitation = z.infer<typeof invitationSchema>;
export type CreatedInvitation = z.infer<typeof createdInvitationSchema>;
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;
export type Organization = z.infer<typeof organizationSchema>;
export type OrganizationMember = z.infer<typeof organizationMemberSchema>;
export type Team = z.infer<typeof teamSchema>;
export type TeamMember = z.infer<typeof teamMemberSchema>;
export type UpdateTeamMemberRequest = z.infer<typeof updateTeamMemberRequestSchema>;
export type GroupRole = z.infer<typeof groupRoleSchema>;
