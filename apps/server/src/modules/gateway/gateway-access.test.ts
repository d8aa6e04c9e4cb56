import { organizationSchema, spaceSchema } from "@tributary/contracts";
import { replyText } from "@tributary/fake-llm";
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { apiAs, registerAccount } from "../identity/testing/identity-client.js";
import {
  createGatewayKey,
  type GatewayTestBed,
  startGatewayTestBed,
} from "./testing/gateway-test-instance.js";

let bed: GatewayTestBed;
const app = () => {
  if (!bed.instance.app) throw new Error("no app");
  return bed.instance.app;
};

beforeAll(async () => {
  bed = await startGatewayTestBed();
});
afterAll(async () => {
  await bed?.close();
});
beforeEach(() => bed.fake.reset());

/** An organization with a second space, and a member of both who calls the gateway with a key. */
async function sharedSpaces() {
  const owner = await registerAccount(app(), "gw-owner");
  const api = apiAs(app(), owner);
  const organization = organizationSchema.parse(
    (await api("POST", "/api/v1/organizations", { name: "Acme" })).body,
  );
  const project = spaceSchema.parse(
    (await api("POST", "/api/v1/spaces", { organization_id: organization.id, name: "Project" })).body,
  );
  const { owner: member, key } = await createGatewayKey(bed);
  for (const spaceId of [organization.space_id, project.id]) {
    const added = await api("POST", `/api/v1/spaces/${spaceId}/members`, {
      email: member.user.email,
      role: "member",
    });
    expect(added.status).toBe(201);
  }
  const clientIn = (spaceId: string) =>
    new OpenAI({
      apiKey: key.secret,
      baseURL: `${bed.origin}/v1`,
      maxRetries: 0,
      defaultHeaders: { "X-Space-ID": spaceId },
    });
  return {
    api,
    member,
    organizationId: organization.id,
    orgSpaceId: organization.space_id,
    projectId: project.id,
    clientIn,
  };
}

async function complete(client: OpenAI) {
  bed.fake.enqueue(replyText("hello"));
  const completion = await client.chat.completions.create({
    model: "fake-gpt",
    messages: [{ role: "user", content: "hi" }],
  });
  return completion.choices[0]?.message.content;
}

async function refusal(client: OpenAI) {
  const error = await client.chat.completions
    .create({ model: "fake-gpt", messages: [{ role: "user", content: "hi" }] })
    .then(
      () => null,
      (caught: unknown) => caught,
    );
  expect(error).toBeInstanceOf(OpenAI.APIError);
  const { status, code } = error as InstanceType<typeof OpenAI.APIError>;
  return { status, code };
}

// The caller's memberships are cached per node (5 s here, a minute on a sole process); identity
// announces its changes, so the node that made one acts on it from the next call.
describe("gateway access follows membership changes at once", () => {
  it("refuses a removed member's next call, and accepts it again once re-added", async () => {
    const { api, member, orgSpaceId, clientIn } = await sharedSpaces();
    const client = clientIn(orgSpaceId);
    expect(await complete(client)).toBe("hello");
    expect((await api("DELETE", `/api/v1/spaces/${orgSpaceId}/members/${member.user.id}`)).status).toBe(204);
    expect(await refusal(client)).toEqual({ status: 404, code: "space_not_found" });
    const readded = await api("POST", `/api/v1/spaces/${orgSpaceId}/members`, {
      user_id: member.user.id,
      role: "viewer",
    });
    expect(readded.status).toBe(201);
    expect(await complete(client)).toBe("hello");
  });

  it("refuses the next call to a deleted space, and to every space of a deleted organization", async () => {
    const { api, organizationId, orgSpaceId, projectId, clientIn } = await sharedSpaces();
    const [project, orgSpace] = [clientIn(projectId), clientIn(orgSpaceId)];
    expect(await complete(project)).toBe("hello");
    expect(await complete(orgSpace)).toBe("hello");
    expect((await api("DELETE", `/api/v1/spaces/${projectId}`)).status).toBe(204);
    expect(await refusal(project)).toEqual({ status: 404, code: "space_not_found" });
    expect(await complete(orgSpace)).toBe("hello");
    expect((await api("DELETE", `/api/v1/organizations/${organizationId}`)).status).toBe(204);
    expect(await refusal(orgSpace)).toEqual({ status: 404, code: "space_not_found" });
  });
});
