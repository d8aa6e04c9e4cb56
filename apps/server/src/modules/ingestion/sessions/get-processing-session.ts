import type { ProcessingSession } from "@tributary/contracts";
import { AppError } from "../../../platform/errors/index.js";
import { type ContentCaller, requireContentAccess } from "../../content/index.js";
import type { IngestionDeps } from "../ingestion-deps.js";

interface SessionRow {
  id: string;
  space_id: string;
  notebook_id: string;
  name: string;
  status: ProcessingSession["status"];
  total_files: number;
  processed_files: number;
  failed_files: number;
  created_at: Date;
  updated_at: Date;
  completed_at: Date | null;
}

/** A session with its per-file outcomes; `progress` is finished files over all files, in percent. */
export async function getProcessingSession(
  deps: IngestionDeps,
  caller: ContentCaller,
  id: string,
): Promise<ProcessingSession> {
  requireContentAccess(caller, "read");
  return deps.sql.withTenant(caller.space.tenantId, async (tx) => {
    const [row] = await tx.query<SessionRow>(
      "SELECT * FROM processing_sessions WHERE id = $1 AND space_id = $2",
      [id, caller.space.spaceId],
    );
    if (!row) throw new AppError("NOT_FOUND", `Processing session ${id} not found`);
    const files = await tx.query<{
      document_id: string;
      file_name: string;
      outcome: ProcessingSession["files"][number]["outcome"];
      error: string | null;
    }>(
      "SELECT document_id, file_name, outcome, error FROM processing_session_documents WHERE session_id = $1 ORDER BY file_name",
      [id],
    );
    const finished = row.processed_files + row.failed_files;
    return {
      id: row.id,
      space_id: row.space_id,
      notebook_id: row.notebook_id,
      name: row.name,
      status: row.status,
      total_files: row.total_files,
      processed_files: row.processed_files,
      failed_files: row.failed_files,
      progress: row.total_files === 0 ? 100 : Math.round((finished / row.total_files) * 1000) / 10,
      files: files.map((file) => ({
        document_id: file.outcome === "rejected" ? null : file.document_id,
        file_name: file.file_name,
        outcome: file.outcome,
        error: file.error,
      })),
      created_at: row.created_at.toISOString(),
      updated_at: row.updated_at.toISOString(),
      completed_at: row.completed_at?.toISOString() ?? null,
    };
  });
}
