import {
  chunkListQuerySchema,
  contentIdParamsSchema,
  documentChunkListSchema,
  documentSchema,
} from "@tributary/contracts";
import { z } from "zod";
import { defineRoute } from "../../../http/route-builder.js";
import { AppError } from "../../../platform/errors/index.js";
import { type ContentCaller, requireContentAccess, toDocumentResponse } from "../../content/index.js";
import { tenantQuotasOf } from "../../identity/index.js";
import { listChunks } from "../chunks/list-chunks.js";
import type { IngestionDeps } from "../ingestion-deps.js";
import { reprocessDocument } from "../processing/reprocess-document.js";
import { openDocumentContent } from "../upload/open-document-content.js";
import { parseTags, readMultipart } from "../upload/read-multipart.js";
import { uploadDocument } from "../upload/upload-document.js";
import { maxFileSizeOf } from "../upload/upload-limits.js";

export function callerOf(context: { principal: unknown; space: unknown }): ContentCaller {
  if (!context.principal || !context.space) throw new AppError("UNAUTHORIZED", "Authentication required");
  return { principal: context.principal, space: context.space } as ContentCaller;
}

/** Upload, chunks, original content and reprocessing of documents (metadata routes live in content). */
export function documentUploadRoutes(deps: IngestionDeps) {
  return [
    defineRoute({
      method: "POST",
      url: "/api/v1/documents",
      summary: "Upload a document (multipart: file, notebook_id, name?, description?, tags?)",
      description:
        "Streams the file to object storage and queues its processing. The type is detected from the content. " +
        "Answers 201 with the document in status `processing`; `duplicate_of` names an identical document of the tenant.",
      tags: ["documents"],
      auth: "required",
      space: true,
      scopes: ["documents:write"],
      rateLimit: { limit: deps.config.uploadsPerUserPerHour, windowMs: 3_600_000 },
      multipart: true,
      status: 201,
      response: documentSchema,
      handler: async (context) => {
        const caller = callerOf(context);
        requireContentAccess(caller, "write");
        const quotas = await tenantQuotasOf(deps.sql, caller.space.tenantId);
        const maxBytes = maxFileSizeOf(quotas, deps.config);
        const upload = await readMultipart(context.request, { maxBytes, maxFiles: 1 });
        try {
          const notebookId = upload.fields.notebook_id;
          if (!notebookId || !z.uuid().safeParse(notebookId).success) {
            throw new AppError("VALIDATION_ERROR", "notebook_id is required (a notebook id)", {
              details: { field: "notebook_id" },
            });
          }
          const received = upload.files[0];
          if (!received) throw new AppError("VALIDATION_ERROR", "The request has no `file` part");
          const row = await uploadDocument(deps, {
            caller,
            notebookId,
            file: received.file,
            fileName: received.fileName,
            ...(upload.fields.name ? { name: upload.fields.name } : {}),
            ...(upload.fields.description !== undefined
              ? { description: upload.fields.description.slice(0, 5000) }
              : {}),
            tags: parseTags(upload.fields.tags),
          });
          return toDocumentResponse(row);
        } finally {
          await upload.dispose();
        }
      },
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/documents/:id/chunks",
      summary: "The chunks of a processed document, in order",
      tags: ["documents"],
      auth: "required",
      space: true,
      scopes: ["documents:read"],
      params: contentIdParamsSchema,
      query: chunkListQuerySchema,
      response: documentChunkListSchema,
      handler: async (context) => listChunks(deps, callerOf(context), context.params.id, context.query),
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/documents/:id/content",
      summary: "The original file, streamed",
      tags: ["documents"],
      auth: "required",
      space: true,
      scopes: ["documents:read"],
      params: contentIdParamsSchema,
      response: z.string().describe("The file's bytes"),
      handler: async (context) => {
        const content = await openDocumentContent(deps, callerOf(context), context.params.id);
        context.reply
          .header("content-type", content.contentType)
          .header("content-length", String(content.size))
          .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(content.name)}`);
        return content.body as never;
      },
    }),
    defineRoute({
      method: "POST",
      url: "/api/v1/documents/:id/reprocess",
      summary: "Process a processed or failed document again",
      tags: ["documents"],
      auth: "required",
      space: true,
      scopes: ["documents:write"],
      params: contentIdParamsSchema,
      status: 202,
      response: documentSchema,
      handler: async (context) =>
        toDocumentResponse(await reprocessDocument(deps, callerOf(context), context.params.id)),
    }),
  ];
}
