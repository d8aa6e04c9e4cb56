import { createdInvitationSchema, invitationSchema, pageSchema, spaceSchema } from "@tributary/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestInstance, type TestInstance } from "../../../testing/test-instance.js";
import { registerAccount } from "../testing/identity-client.js";
import { type Account, apiAs, errorCode, errorReason } from "./space-test-client.js";

let instance: TestInstance;
const app = () => {
  if (!instance.app) throw new Error("no app");
  return instance.app;
};

beforeAll(async () => {
  instance = await startTestInstance();
});
afterAll(async () => {
  await instance?.close();
});

async function invite(owner: Account, spaceId: string, email: string, role = "member") {
  const reply = await apiAs(app(), owner)("POST", `/api/v1/spaces/${spaceId}/invitations`, { email, role });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return createdInvitationSchema.parse(reply.body);
}

async function ownedOrganizationSpace(): Promise<{ owner: Account; spaceId: string }> {
  const owner = await registerAccount(app(), "inviter");
  const created = await apiAs(app(), owner)("POST", "/api/v1/organizations", { name: "Inviting" });
  return { owner, spaceId: (created.body as { space_id: string }).space_id };
}

describe("invitations", () => {
  it("are accepted once by the invited user, who joins with the invited role", async () => {
    const { owner, spaceId } = await ownedOrganizationSpace();
    const guest = await registerAccount(app(), "guest");
    const invitation = await invite(owner, spaceId, guest.user.email.toUpperCase(), "viewer");
    expect(invitation).toMatchObject({ status: "pending", role: "viewer", space_id: spaceId });
    expect(invitation.token).toMatch(/^tinv_/);
    const accepted = await apiAs(app(), guest)("POST", `/api/v1/invitations/${invitation.token}/accept`);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(spaceSchema.parse(accepted.body)).toMatchObject({ id: spaceId, role: "viewer" });
    const again = await apiAs(app(), guest)("POST", `/api/v1/invitations/${invitation.token}/accept`);
    expect(again.status).toBe(409);
    expect(errorReason(again)).toBe("invitation_used");
    const listed = pageSchema(invitationSchema).parse(
      (await apiAs(app(), owner)("GET", `/api/v1/spaces/${spaceId}/invitations`)).body,
    );
    expect(listed.data).toEqual([expect.objectContaining({ id: invitation.id, status: "accepted" })]);
    expect(JSON.stringify(listed)).not.toContain(invitation.token);
  });

  it("refuses another user's email, an expired, a revoked and an unknown token", async () => {
    const { owner, spaceId } = await ownedOrganizationSpace();
    const guest = await registerAccount(app(), "guest");
    const stranger = await registerAccount(app(), "stranger");
    const forGuest = await invite(owner, spaceId, guest.user.email);
    const wrong = await apiAs(app(), stranger)("POST", `/api/v1/invitations/${forGuest.token}/accept`);
    expect(wrong.status).toBe(403);
    expect(errorReason(wrong)).toBe("invitation_email_mismatch");

    await instance.resources.sql.withSystem((tx) =>
      tx.query("UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1", [
        forGuest.id,
      ]),
    );
    const expired = await apiAs(app(), guest)("POST", `/api/v1/invitations/${forGuest.token}/accept`);
    expect(expired.status).toBe(422);
    expect(errorReason(expired)).toBe("invitation_expired");

    const revokedInvitation = await invite(owner, spaceId, guest.user.email);
    const revoke = `/api/v1/spaces/${spaceId}/invitations/${revokedInvitation.id}`;
    expect((await apiAs(app(), owner)("DELETE", revoke)).status).toBe(204);
    expect((await apiAs(app(), owner)("DELETE", revoke)).status).toBe(409);
    const revoked = await apiAs(app(), guest)(
      "POST",
      `/api/v1/invitations/${revokedInvitation.token}/accept`,
    );
    expect(revoked.status).toBe(422);
    expect(errorReason(revoked)).toBe("invitation_revoked");

    const unknown = await apiAs(app(), guest)(
      "POST",
      "/api/v1/invitations/tinv_doesnotexist0000000000/accept",
    );
    expect(unknown.status).toBe(404);
    expect((await apiAs(app(), guest)("GET", `/api/v1/spaces/${spaceId}`)).status).toBe(404);
  });

  it("are only for owners and admins to send, and not to existing members", async () => {
    const { owner, spaceId } = await ownedOrganizationSpace();
    const member = await registerAccount(app(), "member");
    await apiAs(app(), owner)("POST", `/api/v1/spaces/${spaceId}/members`, {
      user_id: member.user.id,
      role: "member",
    });
    const byMember = await apiAs(app(), member)("POST", `/api/v1/spaces/${spaceId}/invitations`, {
      email: "someone@example.test",
      role: "viewer",
    });
    expect(byMember.status).toBe(403);
    expect((await apiAs(app(), member)("GET", `/api/v1/spaces/${spaceId}/invitations`)).status).toBe(403);
    const existing = await apiAs(app(), owner)("POST", `/api/v1/spaces/${spaceId}/invitations`, {
      email: member.user.email,
      role: "viewer",
    });
    expect(existing.status).toBe(409);
    const asOwner = await apiAs(app(), owner)("POST", `/api/v1/spaces/${spaceId}/invitations`, {
      email: "boss@example.test",
      role: "owner",
    });
    expect(asOwner.status).toBe(400);
    expect(errorCode(asOwner)).toBe("VALIDATION_ERROR");
  });
});
