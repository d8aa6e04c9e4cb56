import { z } from "zod";
import { documentSchema } from "./content.js";

/** One stored chunk of a processed document (offsets into the extracted, possibly redacted, text). */
export const documentChunkSchema = z
  .object({
    id: z.uuid(),
    document_id: z.uuid(),
    chunk_index: z.number().int().min(0),
    content: z.string(),
    start_offset: z.number().int().min(0),
    end_offset: z.number().int().min(0),
    char_count: z.number().int().min(0),
    token_count: z.number().int().min(0),
    page_number: z.number().int().nullable(),
    pages: z.array(z.number().int()),
    heading_path: z.array(z.string()),
    language: z.string().nullable(),
    language_confidence: z.number().nullable(),
    pii_counts: z.record(z.string(), z.number()),
    pii_findings: z
      .array(
        z.object({
          type: z.string().describe("email, phone, person, location, credit_card…"),
          start: z.number().int().min(0).describe("Offset into `content`"),
          end: z.number().int().min(0).describe("Exclusive offset into `content`"),
          confidence: z.number(),
        }),
      )
      .describe(
        "Where each PII finding lies in `content` (under the redact policy, where its placeholder lies); " +
          "empty for chunks processed before findings were kept",
      ),
    metadata: z.record(z.string(), z.unknown()),
    strategy: z.string(),
    created_at: z.string(),
  })
  .meta({ id: "DocumentChunk" });

export const documentChunkListSchema = z.object({
  data: z.array(documentChunkSchema),
  next_cursor: z.string().nullable(),
  has_more: z.boolean(),
});

export const chunkListQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z
      .string()
      .regex(/^\d{1,9}$/, "must be a cursor from a previous page")
      .optional(),
  })
  .strict();

export const processingSessionStatusSchema = z.enum([
  "pending",
  "running",
  "completed",
  "failed",
  "completed_with_errors",
  "cancelled",
]);

export const processingSessionSchema = z
  .object({
    id: z.uuid(),
    space_id: z.string(),
    notebook_id: z.uuid(),
    name: z.string(),
    status: processingSessionStatusSchema,
    total_files: z.number().int(),
    processed_files: z.number().int(),
    failed_files: z.number().int(),
    /** 0–100: files finished (processed or failed) over all files. */
    progress: z.number().min(0).max(100),
    files: z.array(
      z.object({
        document_id: z.uuid().nullable(),
        file_name: z.string(),
        outcome: z.enum(["pending", "processed", "failed", "rejected", "cancelled"]),
        error: z.string().nullable(),
      }),
    ),
    created_at: z.string(),
    updated_at: z.string(),
    completed_at: z.string().nullable(),
  })
  .meta({ id: "ProcessingSession" });

export const uploadedDocumentSchema = documentSchema;

export type DocumentChunk = z.infer<typeof documentChunkSchema>;
export type ProcessingSession = z.infer<typeof processingSessionSchema>;
