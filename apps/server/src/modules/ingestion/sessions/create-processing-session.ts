import type { ProcessingSession } from "@tributary/contracts";
import { uuidv7 } from "uuidv7";
import { AppError } from "../../../platform/errors/index.js";
import type { ContentCaller } from "../../content/index.js";
import type { IngestionDeps } from "../ingestion-deps.js";
import type { MultipartUpload } from "../upload/read-multipart.js";
import { uploadDocument } from "../upload/upload-document.js";
import { getProcessingSession } from "./get-processing-session.js";

/**
 * `POST /processing-sessions`: several files in one request. Each file becomes a document of the
 * session; a file refused at upload (type, size, quota) is recorded as `rejected` with its reason
 * instead of failing the whole batch. Progress and the final outcome follow the documents.
 */
export async function createProcessingSession(
  deps: IngestionDeps,
  caller: ContentCaller,
  upload: MultipartUpload,
  notebookId: string,
  name: string,
): Promise<ProcessingSession> {
  const id = uuidv7();
  const { space } = caller;
  await deps.sql.withTenant(space.tenantId, (tx) =>
    tx.query(
      `INSERT INTO processing_sessions (id, tenant_id, space_id, user_id, notebook_id, name, status, total_files)
       VALUES ($1, $2, $3, $4, $5, $6, 'running', $7)`,
      [id, space.tenantId, space.spaceId, caller.principal.userId, notebookId, name, upload.files.length],
    ),
  );
  for (const received of upload.files) {
    try {
      const document = await uploadDocument(deps, {
        caller,
        notebookId,
        file: received.file,
        fileName: received.fileName,
        sessionId: id,
      });
      await deps.sql.withTenant(space.tenantId, (tx) =>
        tx.query(
          `INSERT INTO processing_session_documents (session_id, document_id, tenant_id, file_name)
           VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
          [id, document.id, space.tenantId, received.fileName],
        ),
      );
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await deps.sql.withTenant(space.tenantId, (tx) =>
        tx.query(
          `INSERT INTO processing_session_documents (session_id, document_id, tenant_id, file_name, outcome, error)
           VALUES ($1, $2, $3, $4, 'rejected', $5)`,
          [id, uuidv7(), space.tenantId, received.fileName, error.message],
        ),
      );
    }
  }
  // Documents may already have finished (duplicates, fast files): settle counters now.
  await deps.sql.withTenant(space.tenantId, (tx) =>
    tx.query(
      `UPDATE processing_sessions s SET
         processed_files = c.processed, failed_files = c.failed, updated_at = now(),
         status = CASE WHEN c.pending > 0 THEN 'running' WHEN c.failed = 0 THEN 'completed'
                       WHEN c.processed = 0 THEN 'failed' ELSE 'completed_with_errors' END,
         completed_at = CASE WHEN c.pending = 0 THEN now() ELSE NULL END
       FROM (SELECT count(*) FILTER (WHERE d.outcome = 'processed' OR doc.status = 'processed') AS processed,
                    count(*) FILTER (WHERE d.outcome IN ('failed', 'rejected') OR doc.status = 'failed') AS failed,
                    count(*) FILTER (WHERE d.outcome = 'pending' AND coalesce(doc.status, '') NOT IN ('processed', 'failed')) AS pending
             FROM processing_session_documents d LEFT JOIN documents doc ON doc.id = d.document_id
             WHERE d.session_id = $1) c
       WHERE s.id = $1`,
      [id],
    ),
  );
  return getProcessingSession(deps, caller, id);
}
