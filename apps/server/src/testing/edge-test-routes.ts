import { z } from "zod";
import type { AuthHooks } from "../http/context.js";
import { defineRoute } from "../http/route-builder.js";
import { AppError } from "../platform/errors/index.js";

/** Routes that exercise every part of the route builder in the HTTP edge tests. */
export function edgeTestRoutes() {
  let writes = 0;
  return [
    defineRoute({
      method: "POST",
      url: "/api/v1/test/echo",
      summary: "Echo a validated body",
      tags: ["test"],
      auth: "public",
      body: z.object({ name: z.string().min(1).max(20), count: z.number().int().min(0) }).strict(),
      response: z.object({ name: z.string(), count: z.number() }),
      handler: async ({ body }) => body,
    }),
    defineRoute({
      method: "POST",
      url: "/api/v1/test/writes",
      summary: "Count writes (idempotency)",
      tags: ["test"],
      auth: "public",
      status: 201,
      body: z.object({ note: z.string() }),
      response: z.object({ write: z.number(), note: z.string() }),
      handler: async ({ body }) => {
        writes += 1;
        return { write: writes, note: body.note };
      },
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/test/me",
      summary: "Who am I",
      tags: ["test"],
      auth: "required",
      scopes: ["documents:read"],
      response: z.object({ id: z.string() }),
      handler: async ({ principal }) => ({ id: principal?.id ?? "" }),
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/test/space",
      summary: "Which space",
      tags: ["test"],
      auth: "required",
      space: true,
      response: z.object({ space_id: z.string(), tenant_id: z.string() }),
      handler: async ({ space }) => ({ space_id: space?.spaceId ?? "", tenant_id: space?.tenantId ?? "" }),
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/test/items/:id",
      summary: "One item by id",
      tags: ["test"],
      auth: "public",
      params: z.object({ id: z.string().max(64) }),
      response: z.object({ id: z.string() }),
      handler: async ({ params }) => ({ id: params.id }),
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/test/limited",
      summary: "Three per minute",
      tags: ["test"],
      auth: "public",
      rateLimit: { limit: 3, windowMs: 60_000 },
      response: z.object({ ok: z.boolean() }),
      handler: async () => ({ ok: true }),
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/test/stream",
      summary: "Writes its own response (server-sent events), as streaming routes do",
      tags: ["test"],
      auth: "public",
      response: z.string().describe("text/event-stream"),
      handler: async ({ reply }) => {
        reply.hijack();
        reply.raw.writeHead(200, { "content-type": "text/event-stream" });
        reply.raw.end("data: one\n\n");
        return undefined as never;
      },
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/test/boom",
      summary: "Fails unexpectedly",
      tags: ["test"],
      auth: "public",
      response: z.object({ ok: z.boolean() }),
      handler: async () => {
        throw new Error("database password leaked in message");
      },
    }),
  ];
}

/** Bearer `user-<id>` is a session; `key-<id>` is an API key with only `documents:write`. */
export const edgeTestAuth: AuthHooks = {
  async authenticate(credentials) {
    const token = credentials.bearer ?? "";
    if (token.startsWith("user-"))
      return {
        kind: "user",
        id: token,
        userId: token,
        scopes: null,
        platformRole: "user",
        restrictedToSpaceId: null,
      };
    if (token.startsWith("key-"))
      return {
        kind: "api_key",
        id: token,
        userId: "u",
        scopes: ["documents:write"],
        platformRole: "user",
        restrictedToSpaceId: null,
      };
    return null;
  },
  async resolveSpace(principal, spaceId) {
    if (spaceId !== `space_${principal.id.replace(/\D/g, "")}`)
      throw new AppError("NOT_FOUND", "Space not found");
    return { spaceId, tenantId: spaceId.replace("space_", "tenant_"), role: "owner" };
  },
};
