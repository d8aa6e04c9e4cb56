import { randomUUID } from "node:crypto";
import { createdApiKeySchema } from "@tributary/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestInstance, type TestInstance } from "../../testing/test-instance.js";
import { bearer, registerAccount } from "./testing/identity-client.js";
import { usageGroupLabels } from "./usage-group-labels.js";

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

describe("usageGroupLabels", () => {
  it("names keys by name and prefix, users by name, spaces within the tenant only", async () => {
    const owner = await registerAccount(app(), "labels");
    const other = await registerAccount(app(), "labels-other");
    const created = await app().inject({
      method: "POST",
      url: "/api/v1/api-keys",
      headers: bearer(owner.access_token),
      payload: { name: "ci-runner", scopes: ["gateway:invoke"] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const key = createdApiKeySchema.parse(created.json());
    const sql = instance.resources.sql;
    const tenantId = owner.user.personal_space_id?.replace("space_", "tenant_") ?? "";
    const missing = randomUUID();

    const keys = await usageGroupLabels(sql, tenantId, "api_key", [key.id, missing, "not-a-uuid"]);
    expect([...keys]).toEqual([[key.id, `ci-runner (${key.prefix}…)`]]);

    const users = await usageGroupLabels(sql, tenantId, "user", [owner.user.id, owner.user.id]);
    expect(users.get(owner.user.id)).toBe(`${owner.user.first_name} ${owner.user.last_name}`.trim());

    const ownSpace = owner.user.personal_space_id ?? "";
    const otherSpace = other.user.personal_space_id ?? "";
    const spaces = await usageGroupLabels(sql, tenantId, "space", [ownSpace, otherSpace]);
    expect(spaces.has(ownSpace)).toBe(true);
    expect(spaces.has(otherSpace)).toBe(false);

    expect((await usageGroupLabels(sql, tenantId, "user", [])).size).toBe(0);
  });
});
