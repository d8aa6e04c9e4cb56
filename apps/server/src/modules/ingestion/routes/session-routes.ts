import { contentIdParamsSchema, processingSessionSchema } from "@tributary/contracts";
import { z } from "zod";
import { defineRoute } from "../../../http/route-builder.js";
import { AppError } from "../../../platform/errors/index.js";
import { requireContentAccess } from "../../content/index.js";
import { tenantQuotasOf } from "../../identity/index.js";
import type { IngestionDeps } from "../ingestion-deps.js";
import { streamSpaceEvents } from "../live/stream-space-events.js";
import { cancelProcessingSession } from "../sessions/cancel-processing-session.js";
import { createProcessingSession } from "../sessions/create-processing-session.js";
import { getProcessingSession } from "../sessions/get-processing-session.js";
import { readMultipart } from "../upload/read-multipart.js";
import { maxFileSizeOf } from "../upload/upload-limits.js";
import { callerOf } from "./document-upload-routes.js";

const maxFilesPerSession = 100;

/** Batch processing sessions and the live event stream of a space. */
export function sessionRoutes(deps: IngestionDeps) {
  return [
    defineRoute({
      method: "POST",
      url: "/api/v1/processing-sessions",
      summary: "Upload several files as one processing session (multipart: notebook_id, name?, file…)",
      tags: ["documents"],
      auth: "required",
      space: true,
      scopes: ["documents:write"],
      rateLimit: { limit: deps.config.uploadsPerUserPerHour, windowMs: 3_600_000 },
      multipart: true,
      status: 201,
      response: processingSessionSchema,
      handler: async (context) => {
        const caller = callerOf(context);
        requireContentAccess(caller, "write");
        const quotas = await tenantQuotasOf(deps.sql, caller.space.tenantId);
        const upload = await readMultipart(context.request, {
          maxBytes: maxFileSizeOf(quotas, deps.config),
          maxFiles: maxFilesPerSession,
        });
        try {
          const notebookId = upload.fields.notebook_id;
          if (!notebookId || !z.uuid().safeParse(notebookId).success) {
            throw new AppError("VALIDATION_ERROR", "notebook_id is required (a notebook id)", {
              details: { field: "notebook_id" },
            });
          }
          return await createProcessingSession(
            deps,
            caller,
            upload,
            notebookId,
            (upload.fields.name ?? "").slice(0, 200),
          );
        } finally {
          await upload.dispose();
        }
      },
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/processing-sessions/:id",
      summary: "A processing session: progress, counters, outcome and per-file results",
      tags: ["documents"],
      auth: "required",
      space: true,
      scopes: ["documents:read"],
      params: contentIdParamsSchema,
      response: processingSessionSchema,
      handler: async (context) => getProcessingSession(deps, callerOf(context), context.params.id),
    }),
    defineRoute({
      method: "POST",
      url: "/api/v1/processing-sessions/:id/cancel",
      summary: "Cancel a running processing session",
      tags: ["documents"],
      auth: "required",
      space: true,
      scopes: ["documents:write"],
      params: contentIdParamsSchema,
      response: processingSessionSchema,
      handler: async (context) => cancelProcessingSession(deps, callerOf(context), context.params.id),
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/events/stream",
      summary: "Server-sent events: document status changes and session progress in the space",
      tags: ["documents"],
      auth: "required",
      space: true,
      scopes: ["documents:read"],
      rateLimit: false,
      response: z.string().describe("text/event-stream"),
      handler: async (context) => {
        const caller = callerOf(context);
        requireContentAccess(caller, "read");
        await streamSpaceEvents(deps, caller.space, context.reply);
        return undefined as never;
      },
    }),
  ];
}
