import { createReadStream } from "node:fs";
import { uuidv7 } from "uuidv7";
import { AppError } from "../../../platform/errors/index.js";
import { appendEvent } from "../../../platform/events/index.js";
import {
  type ContentCaller,
  countUploadingDocuments,
  type DocumentRow,
  findDuplicateDocument,
  findNotebookForUpload,
  insertDocument,
  requireMayAddDocuments,
  sanitizeFileName,
  spaceStorageBytes,
  transitionDocumentStatus,
} from "../../content/index.js";
import { tenantQuotasOf } from "../../identity/index.js";
import { detectFormat, mimeTypeOf } from "../extraction/detect/index.js";
import { eventSource, type IngestionDeps, processingQueue } from "../ingestion-deps.js";
import { priorityOf, tierOf } from "./processing-tier.js";
import type { SpooledFile } from "./spool-upload.js";
import { maxFileSizeOf, storageQuotaOf } from "./upload-limits.js";

export interface UploadDocumentOptions {
  readonly caller: ContentCaller;
  readonly notebookId: string;
  readonly file: SpooledFile;
  /** The name the client sent with the file part. */
  readonly fileName: string;
  readonly name?: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly sessionId?: string;
}

/**
 * Stores one spooled upload and queues its processing: checks the notebook, quotas and the
 * content type, writes the document (`uploading`), puts the object, then in one transaction
 * moves it to `processing`, enqueues the job and appends `document.uploaded`.
 */
export async function uploadDocument(
  deps: IngestionDeps,
  options: UploadDocumentOptions,
): Promise<DocumentRow> {
  const { file } = options;
  const space = options.caller.space;
  const userId = options.caller.principal.userId;
  const quotas = await tenantQuotasOf(deps.sql, space.tenantId);
  const maxFileSize = maxFileSizeOf(quotas, deps.config);
  if (file.size > maxFileSize) {
    throw new AppError("PAYLOAD_TOO_LARGE", `The file exceeds the maximum size of ${maxFileSize} bytes`, {
      details: { max_file_size: maxFileSize },
    });
  }
  if (file.size === 0) {
    throw new AppError("VALIDATION_ERROR", "The file is empty (0 bytes)", { details: { field: "file" } });
  }
  const format = await detectFormat(file.path, options.fileName);
  if (!format) {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      "This type of file is not supported (detected from its content)",
      {
        details: {
          allowed: [
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
          ],
        },
      },
    );
  }
  const storageQuota = storageQuotaOf(quotas, deps.config);
  const id = uuidv7();
  const sanitized = sanitizeFileName(options.fileName || `document.${format}`);
  const storageKey = `${space.tenantId}/${space.spaceId}/documents/${id}/${sanitized === "." ? "_" : sanitized}`;
  const tier = tierOf(file.size);

  const inserted = await deps.sql.withTenant(space.tenantId, async (tx) => {
    const notebook = await findNotebookForUpload(tx, {
      spaceId: space.spaceId,
      notebookId: options.notebookId,
    });
    if (!notebook) throw new AppError("NOT_FOUND", `Notebook ${options.notebookId} not found in this space`);
    requireMayAddDocuments(options.caller, notebook);
    if ((await spaceStorageBytes(tx, space.tenantId)) + file.size > storageQuota) {
      throw new AppError(
        "QUOTA_EXCEEDED",
        "Storage quota exceeded. Please upgrade plan or delete old documents.",
        {
          details: { storage_quota_bytes: storageQuota },
        },
      );
    }
    if ((await countUploadingDocuments(tx, space.spaceId)) >= deps.config.concurrentUploadsPerSpace) {
      throw new AppError("RATE_LIMITED", "Too many uploads in progress in this space; try again shortly", {
        details: { concurrent_uploads: deps.config.concurrentUploadsPerSpace },
        headers: { "retry-after": "5" },
      });
    }
    const duplicate = await findDuplicateDocument(tx, { checksumSha256: file.sha256 });
    return insertDocument(tx, {
      id,
      tenantId: space.tenantId,
      spaceId: space.spaceId,
      notebookId: notebook.id,
      ownerId: userId,
      name: options.name ? sanitizeFileName(options.name) : sanitized,
      // As sent, but without control characters: PostgreSQL refuses NUL, terminals obey escapes.
      originalName: options.fileName.replace(/\p{Cc}/gu, "_"),
      description: options.description ?? "",
      tags: options.tags ?? [],
      format,
      mimeType: mimeTypeOf(format),
      sizeBytes: file.size,
      checksumSha256: file.sha256,
      checksumMd5: file.md5,
      storageKey,
      status: "uploading",
      duplicateOf: duplicate?.id ?? null,
      processingTier: tier,
    });
  });

  try {
    await deps.objects.put(storageKey, createReadStream(file.path), {
      contentType: mimeTypeOf(format),
      contentLength: file.size,
      metadata: {
        "document-id": id,
        "tenant-id": space.tenantId,
        checksum: file.md5,
        "uploaded-by": userId,
      },
    });
  } catch (error) {
    await deps.sql.withTenant(space.tenantId, (tx) =>
      transitionDocumentStatus(tx, id, "failed", { error: "The file could not be stored" }),
    );
    throw error;
  }

  const document = await deps.sql.withTenant(space.tenantId, async (tx) => {
    const row = await transitionDocumentStatus(tx, id, "processing");
    await deps.jobs.enqueue(
      {
        queue: processingQueue,
        tenantId: space.tenantId,
        priority: priorityOf(tier),
        payload: { document_id: id, tenant_id: space.tenantId, session_id: options.sessionId ?? null },
        dedupeKey: `document:${id}`,
      },
      tx,
    );
    await appendEvent(tx, {
      type: "document.uploaded",
      source: eventSource,
      data: {
        document_id: id,
        notebook_id: row.notebook_id,
        name: row.name,
        size: row.size_bytes,
        mime_type: row.mime_type,
        storage_path: storageKey,
        duplicate_of: row.duplicate_of,
        processing_tier: tier,
      },
      metadata: { tenant_id: space.tenantId, space_id: space.spaceId, user_id: userId },
    });
    return row;
  });
  deps.events.notify();
  deps.live.publish({
    type: "document.status",
    tenantId: space.tenantId,
    spaceId: space.spaceId,
    data: { document_id: id, status: document.status, notebook_id: document.notebook_id },
  });
  return inserted.id === document.id ? document : inserted;
}
