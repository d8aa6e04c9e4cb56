import { Link } from "@tanstack/react-router";
import type { Document } from "@tributary/contracts";
import type { ReactNode } from "react";
import { formatBytes, formatDateTime, formatNumber } from "../../lib/format";
import { Card } from "../../ui/feedback";
import { DocumentStatusBadge, formatLabel } from "./document-status-badge";

/** The document's file facts: type, size, status, pages, chunks and when things happened. */
export function DocumentDetails({ spaceId, document }: { spaceId: string; document: Document }) {
  return (
    <Card>
      <h2 className="mb-3 text-base font-semibold">Details</h2>
      <dl
        data-testid="document-details"
        className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm"
      >
        <Row label="Name">{document.name}</Row>
        {document.original_name !== document.name && <Row label="Uploaded as">{document.original_name}</Row>}
        <Row label="Type">
          {formatLabel(document.format)}{" "}
          <span className="text-slate-600 dark:text-slate-300">({document.mime_type})</span>
        </Row>
        <Row label="Size">{formatBytes(document.size_bytes)}</Row>
        <Row label="Status">
          <DocumentStatusBadge status={document.status} />
        </Row>
        <Row label="Pages">{document.page_count ?? "—"}</Row>
        <Row label="Chunks">{formatNumber(document.chunk_count)}</Row>
        {document.processing_time_ms !== null && (
          <Row label="Processing time">{formatNumber(document.processing_time_ms / 1000, 1)} s</Row>
        )}
        <Row label="Created">{formatDateTime(document.created_at)}</Row>
        <Row label="Updated">{formatDateTime(document.updated_at)}</Row>
        <Row label="Processed">{formatDateTime(document.processed_at)}</Row>
        {document.tags.length > 0 && <Row label="Tags">{document.tags.join(", ")}</Row>}
        {document.duplicate_of && (
          <Row label="Identical to">
            <Link
              to="/s/$spaceId/documents/$documentId"
              params={{ spaceId, documentId: document.duplicate_of }}
              search={{}}
              className="text-blue-700 underline dark:text-blue-300"
            >
              an earlier document
            </Link>
          </Row>
        )}
      </dl>
    </Card>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className="break-words">{children}</dd>
    </>
  );
}
