import { Link } from "@tanstack/react-router";
import type { Document } from "@tributary/contracts";
import { formatBytes, formatDateTime } from "../../lib/format";
import { Button } from "../../ui/button";
import { EmptyState, ErrorMessage, Spinner } from "../../ui/feedback";
import { DocumentStatusBadge, formatLabel } from "./document-status-badge";
import { useNotebookDocuments, useProcessingStep } from "./knowledge-queries";

/** The documents of one notebook with their live status; each links to its document page. */
export function DocumentList({ spaceId, notebookId }: { spaceId: string; notebookId: string }) {
  const documents = useNotebookDocuments(spaceId, notebookId);

  if (documents.isPending) return <Spinner label="Loading documents" />;
  if (!documents.data) {
    return <ErrorMessage error={documents.error} title="The documents could not be loaded" />;
  }
  const rows = documents.data.pages.flatMap((page) => page.data);
  if (rows.length === 0) {
    return (
      <EmptyState title="Upload your first document">
        Drop files on the area above or choose “Upload documents”. They are processed for search and the
        assistant as soon as they arrive.
      </EmptyState>
    );
  }

  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700">
        <table data-testid="document-list" className="w-full text-left text-sm">
          <caption className="sr-only">Documents in this notebook</caption>
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-800 dark:text-slate-300">
            <tr>
              <th scope="col" className="px-3 py-2 font-semibold">
                Name
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                Status
              </th>
              <th scope="col" className="hidden px-3 py-2 font-semibold sm:table-cell">
                Type
              </th>
              <th scope="col" className="hidden px-3 py-2 text-right font-semibold sm:table-cell">
                Size
              </th>
              <th scope="col" className="hidden px-3 py-2 font-semibold md:table-cell">
                Updated
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-700">
            {rows.map((document) => (
              <DocumentRow key={document.id} spaceId={spaceId} document={document} />
            ))}
          </tbody>
        </table>
      </div>
      {documents.hasNextPage && (
        <Button
          variant="secondary"
          busy={documents.isFetchingNextPage}
          onClick={() => void documents.fetchNextPage()}
        >
          Load more documents
        </Button>
      )}
      {documents.isFetchNextPageError && (
        <ErrorMessage error={documents.error} title="More documents could not be loaded" />
      )}
    </div>
  );
}

function DocumentRow({ spaceId, document }: { spaceId: string; document: Document }) {
  const step = useProcessingStep(spaceId, document.id, document.status === "processing");
  return (
    <tr data-testid="document-row" data-document-id={document.id} data-status={document.status}>
      <td className="max-w-0 px-3 py-2 sm:max-w-xs">
        <Link
          to="/s/$spaceId/documents/$documentId"
          params={{ spaceId, documentId: document.id }}
          search={{}}
          className="block truncate font-medium text-blue-700 hover:underline dark:text-blue-300"
          title={document.name}
        >
          {document.name}
        </Link>
        {/* On narrow screens the type and size columns are hidden: repeat them here. */}
        <span className="block text-xs text-slate-600 sm:hidden dark:text-slate-300">
          {formatLabel(document.format)} · {formatBytes(document.size_bytes)}
        </span>
        {document.status === "failed" && document.error && (
          <span className="block text-xs text-red-800 dark:text-red-300">{document.error}</span>
        )}
      </td>
      <td className="px-3 py-2 whitespace-nowrap">
        <DocumentStatusBadge status={document.status} step={step} />
      </td>
      <td className="hidden px-3 py-2 whitespace-nowrap sm:table-cell">{formatLabel(document.format)}</td>
      <td className="hidden px-3 py-2 text-right whitespace-nowrap tabular-nums sm:table-cell">
        {formatBytes(document.size_bytes)}
      </td>
      <td className="hidden px-3 py-2 whitespace-nowrap md:table-cell">
        {formatDateTime(document.updated_at)}
      </td>
    </tr>
  );
}
