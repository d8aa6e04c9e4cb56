import { z } from "zod";
import { pageQuerySchema } from "./pagination.js";

export const notebookVisibilitySchema = z.enum(["private", "shared", "public"]);
export const notebookStatusSchema = z.enum(["active", "archived", "deleted"]);
/** The document status machine of tas-platform-flows §4.3 (`ready` is a UI label only). */
export const documentStatusSchema = z.enum([
  "uploading",
  "processing",
  "processed",
  "failed",
  "archived",
  "deleted",
]);
/** Formats ingestion accepts, detected from the file's content. */
export const documentFormatSchema = z.enum([
  "pdf",
  "docx",
  "pptx",
  "xlsx",
  "csv",
  "html",
  "markdown",
  "text",
  "rtf",
  "odt",
  "png",
  "jpeg",
  "tiff",
  "gif",
]);
export const processingTierSchema = z.enum(["tier1", "tier2", "tier3"]);
export const sensitivityLevelSchema = z.enum(["public", "internal", "confidential", "restricted"]);

const notebookName = z.string().trim().min(1).max(255);
const description = z.string().max(1000);
/** Tags: each 1-50 characters (tas-identity-content §2.3), at most 50, no repeats. */
export const contentTagsSchema = z
  .array(z.string().trim().min(1).max(50))
  .max(50)
  .refine((tags) => new Set(tags).size === tags.length, "must not repeat a tag");

export const notebookSchema = z
  .object({
    id: z.uuid(),
    tenant_id: z.string(),
    space_id: z.string(),
    parent_id: z.uuid().nullable(),
    owner_id: z.uuid(),
    name: z.string(),
    description: z.string(),
    visibility: notebookVisibilitySchema,
    status: notebookStatusSchema,
    tags: z.array(z.string()),
    document_count: z.number().int().describe("Documents in this notebook whose status is not deleted"),
    total_size_bytes: z.number().int().describe("Their total size"),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: "Notebook" });

export const createNotebookRequestSchema = z
  .object({
    name: notebookName,
    description: description.optional(),
    visibility: notebookVisibilitySchema
      .optional()
      .describe("private (default): the owner and space admins; shared/public: every member of the space"),
    tags: contentTagsSchema.optional(),
    parent_id: z.uuid().nullable().optional().describe("A notebook of the same space; top level when absent"),
  })
  .strict()
  .meta({ id: "CreateNotebookRequest" });

export const updateNotebookRequestSchema = z
  .object({
    name: notebookName.optional(),
    description: description.optional(),
    visibility: notebookVisibilitySchema.optional(),
    tags: contentTagsSchema.optional(),
    parent_id: z
      .uuid()
      .nullable()
      .optional()
      .describe("Moves the notebook under another of the same space; null moves it to the top level"),
  })
  .strict()
  .refine((value) => Object.keys(value).length > 0, "send at least one field to change")
  .meta({ id: "UpdateNotebookRequest" });

export const notebookListQuerySchema = pageQuerySchema
  .extend({
    parent_id: z
      .union([z.uuid(), z.literal("root")])
      .optional()
      .describe("Only the children of this notebook; `root` for top-level notebooks"),
    q: z.string().trim().min(1).max(200).optional().describe("Words in the name, description or tags"),
  })
  .strict();

export const documentClassificationSchema = z.object({
  content_category: z.string(),
  confidence: z.number().min(0).max(1),
  evidence: z.array(z.string()),
});

export const documentSchema = z
  .object({
    id: z.uuid(),
    tenant_id: z.string(),
    space_id: z.string(),
    notebook_id: z.uuid(),
    owner_id: z.uuid(),
    name: z.string(),
    original_name: z.string(),
    description: z.string(),
    tags: z.array(z.string()),
    format: documentFormatSchema,
    mime_type: z.string(),
    size_bytes: z.number().int(),
    checksum_sha256: z.string(),
    checksum_md5: z.string(),
    status: documentStatusSchema,
    duplicate_of: z.uuid().nullable().describe("An earlier document of the tenant with the same content"),
    processing_tier: processingTierSchema.nullable(),
    language: z.string().nullable(),
    language_confidence: z.number().nullable(),
    pii_summary: z.record(z.string(), z.unknown()).nullable(),
    sensitivity_level: sensitivityLevelSchema.nullable(),
    compliance_flags: z.array(z.string()),
    classification: documentClassificationSchema.nullable(),
    schema_info: z.record(z.string(), z.unknown()).nullable().describe("Tabular files: sheets and columns"),
    page_count: z.number().int().nullable(),
    chunk_count: z.number().int(),
    processing_time_ms: z.number().int().nullable(),
    error: z.string().nullable().describe("Why processing failed"),
    processing_started_at: z.string().nullable(),
    processed_at: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: "Document" });

export const updateDocumentRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(1000).optional().describe("Sanitized like an upload's file name"),
    description: description.optional(),
    tags: contentTagsSchema.optional(),
    notebook_id: z.uuid().optional().describe("Moves the document to another notebook of the same space"),
  })
  .strict()
  .refine((value) => Object.keys(value).length > 0, "send at least one field to change")
  .meta({ id: "UpdateDocumentRequest" });

export const documentListQuerySchema = pageQuerySchema
  .extend({
    notebook_id: z.uuid().optional(),
    status: documentStatusSchema.exclude(["deleted"]).optional(),
    q: z.string().trim().min(1).max(200).optional().describe("Words in the name, description or tags"),
  })
  .strict();

export const contentIdParamsSchema = z.object({ id: z.uuid() }).strict();

export type NotebookVisibility = z.infer<typeof notebookVisibilitySchema>;
export type NotebookStatus = z.infer<typeof notebookStatusSchema>;
export type DocumentStatus = z.infer<typeof documentStatusSchema>;
export type DocumentFormat = z.infer<typeof documentFormatSchema>;
export type ProcessingTier = z.infer<typeof processingTierSchema>;
export type SensitivityLevel = z.infer<typeof sensitivityLevelSchema>;
export type DocumentClassification = z.infer<typeof documentClassificationSchema>;
export type Notebook = z.infer<typeof notebookSchema>;
export type Document = z.infer<typeof documentSchema>;
export type CreateNotebookRequest = z.infer<typeof createNotebookRequestSchema>;
export type UpdateNotebookRequest = z.infer<typeof updateNotebookRequestSchema>;
export type UpdateDocumentRequest = z.infer<typeof updateDocumentRequestSchema>;
export type NotebookListQuery = z.infer<typeof notebookListQuerySchema>;
export type DocumentListQuery = z.infer<typeof documentListQuerySchema>;
