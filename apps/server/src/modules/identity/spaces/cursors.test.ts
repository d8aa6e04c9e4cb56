import { errorEnvelopeSchema } from "@tributary/contracts";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestInstance, type TestInstance } from "../../../testing/test-instance.js";
import { bearer, registerAccount } from "../testing/identity-client.js";

let instance: TestInstance;

beforeAll(async () => {
  instance = await startTestInstance();
});
afterAll(async () => {
  await instance?.close();
});

it("answers a forged list cursor with 400 on every keyset-paged list, never a failed cast", async () => {
  const app = instance.app;
  if (!app) throw new Error("no app");
  const owner = await registerAccount(app);
  const space = owner.user.personal_space_id;
  const forged = Buffer.from(JSON.stringify(["not-a-uuid"])).toString("base64url");
  for (const path of [
    `/api/v1/spaces/${space}/members`,
    `/api/v1/spaces/${space}/invitations`,
    "/api/v1/organizations",
    "/api/v1/api-keys",
    "/api/v1/spaces",
  ]) {
    const res = await app.inject({
      method: "GET",
      url: `${path}?cursor=${forged}`,
      headers: bearer(owner.access_token),
    });
    expect(res.statusCode, `${path} ${res.body}`).toBe(400);
    expect(errorEnvelopeSchema.parse(res.json()).error.code).toBe("VALIDATION_ERROR");
  }
});
