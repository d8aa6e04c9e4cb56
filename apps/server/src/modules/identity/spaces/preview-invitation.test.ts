import { createdInvitationSchema, invitationPreviewSchema } from "@tributary/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestInstance, type TestInstance } from "../../../testing/test-instance.js";
import { registerAccount } from "../testing/identity-client.js";
import { maskEmail } from "./preview-invitation.js";
import { apiAs, errorCode, errorReason } from "./space-test-client.js";

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

async function invitedGuest() {
  const owner = await registerAccount(app(), "inviter");
  const created = await apiAs(app(), owner)("POST", "/api/v1/organizations", { name: "Preview Org" });
  const spaceId = (created.body as { space_id: string }).space_id;
  const reply = await apiAs(app(), owner)("POST", `/api/v1/spaces/${spaceId}/invitations`, {
    email: "guest.preview@example.com",
    role: "viewer",
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return { owner, spaceId, invitation: createdInvitationSchema.parse(reply.body) };
}

const preview = (token: string) => apiAs(app(), null)("GET", `/api/v1/invitations/${token}`);

describe("invitation preview", () => {
  it("shows a pending invitation to anyone holding the token, with the email masked", async () => {
    const { owner, spaceId, invitation } = await invitedGuest();
    const reply = await preview(invitation.token);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(invitationPreviewSchema.strict().parse(reply.body)).toEqual({
      space_id: spaceId,
      space_name: "Preview Org",
      role: "viewer",
      invited_by_name: `${owner.user.first_name} ${owner.user.last_name}`,
      email: "g***@example.com",
      expires_at: invitation.expires_at,
      status: "pending",
    });
  });

  it("answers used, revoked and expired invitations with their reason, and unknown tokens 404", async () => {
    const { owner, spaceId, invitation } = await invitedGuest();
    await instance.resources.sql.withSystem((tx) =>
      tx.query("UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1", [
        invitation.id,
      ]),
    );
    const expired = await preview(invitation.token);
    expect(expired.status).toBe(422);
    expect(errorReason(expired)).toBe("invitation_expired");
    expect(JSON.stringify(expired.body)).not.toContain("Preview Org");

    const again = await apiAs(app(), owner)("POST", `/api/v1/spaces/${spaceId}/invitations`, {
      email: "other@example.com",
      role: "member",
    });
    const second = createdInvitationSchema.parse(again.body);
    await apiAs(app(), owner)("DELETE", `/api/v1/spaces/${spaceId}/invitations/${second.id}`);
    const revoked = await preview(second.token);
    expect(revoked.status).toBe(422);
    expect(errorReason(revoked)).toBe("invitation_revoked");

    await instance.resources.sql.withSystem((tx) =>
      tx.query("UPDATE invitations SET accepted_at = now() WHERE id = $1", [invitation.id]),
    );
    const used = await preview(invitation.token);
    expect(used.status).toBe(409);
    expect(errorReason(used)).toBe("invitation_used");

    const unknown = await preview("tinv_unknown-token-0000000000");
    expect(unknown.status).toBe(404);
    expect(errorCode(unknown)).toBe("NOT_FOUND");
  });

  it("masks addresses down to their first letter and domain", () => {
    expect(maskEmail("alice@example.com")).toBe("a***@example.com");
    expect(maskEmail("x@sub.example.org")).toBe("x***@sub.example.org");
    expect(maskEmail("not-an-address")).toBe("***");
  });
});
