import type { DocumentStatus } from "@tributary/contracts";
import { AppError, assertNever } from "../../../platform/errors/index.js";

/**
 * The statuses a document may enter `to` from: tas-platform-flows §4.3, plus reprocessing
 * (`processed|failed → processing`) and restoring an archived document (tas-identity-content §2.4,
 * §6 D12). Nothing returns to `uploading`, `processing` is never skipped, `deleted` is terminal.
 */
export function allowedSources(to: DocumentStatus): readonly DocumentStatus[] {
  switch (to) {
    case "uploading":
      return [];
    case "processing":
      return ["uploading", "processed", "failed"];
    case "processed":
      return ["processing", "archived"];
    case "failed":
      return ["uploading", "processing"];
    case "archived":
      return ["processed", "failed"];
    case "deleted":
      return ["processed", "failed", "archived"];
    default:
      return assertNever(to);
  }
}

export function canTransition(from: DocumentStatus, to: DocumentStatus): boolean {
  return allowedSources(to).includes(from);
}

export function illegalTransition(id: string, from: DocumentStatus, to: DocumentStatus): AppError {
  return new AppError("CONFLICT", `Illegal status transition ${from} → ${to}`, {
    details: { document_id: id, from, to, reason: "illegal_status_transition" },
  });
}
