import { useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams, useSearch } from "@tanstack/react-router";
import type { Document } from "@tributary/contracts";
import { type ReactNode, useState } from "react";
import { useSpaceId } from "../../layout/use-space";
import { formatBytes } from "../../lib/format";
import { ErrorMessage, Notice, PageHeader, Spinner } from "../../ui/feedback";
import { DeleteDocumentDialog } from "./delete-document-dialog";
import { DocumentActions } from "./document-actions";
import { DocumentAnalysis } from "./document-analysis";
import { DocumentChunks } from "./document-chunks";
import { DocumentDetails } from "./document-details";
import {
  forgetDocument,
  useDeleteDocument,
  useDownloadOriginal,
  useReprocessDocument,
} from "./document-mutations";
import { DocumentProcessingStatus } from "./document-processing-status";
import { DocumentStatusBadge, formatLabel } from "./document-status-badge";
import { useDocument, useNotebooks, useProcessingStep } from "./knowledge-queries";
import { LiveUpdatesNotice } from "./live-updates-notice";
import { useLiveKnowledgeUpdates } from "./use-live-knowledge-updates";

/**
 * One document: its facts, what processing found, and its text by chunk. `?chunk=` and `?range=`
 * (from the assistant's citations) highlight the cited passage and scroll to it.
 */
export function DocumentPage() {
  const spaceId = useSpaceId();
  const { documentId } = useParams({ from: "/s/$spaceId/documents/$documentId" });
  const { chunk, range } = useSearch({ from: "/s/$spaceId/documents/$documentId" });
  const document = useDocument(spaceId, documentId);
  const liveStatus = useLiveKnowledgeUpdates(spaceId);

  if (document.isPending) return <Spinner label="Loading the document" />;
  if (!document.data) {
    return (
      <div className="space-y-4">
        <PageHeader title="Document" />
        <ErrorMessage error={document.error} title="The document could not be loaded" />
        <BackLink spaceId={spaceId} notebookId={undefined} />
      </div>
    );
  }
  return (
    <LoadedDocument
      spaceId={spaceId}
      document={document.data}
      chunkId={chunk}
      rawRange={range}
      live={<LiveUpdatesNotice status={liveStatus} />}
    />
  );
}

function LoadedDocument({
  spaceId,
  document,
  chunkId,
  rawRange,
  live,
}: {
  spaceId: string;
  document: Document;
  chunkId: string | undefined;
  rawRange: string | undefined;
  live: ReactNode;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const reprocess = useReprocessDocument(spaceId, document.id);
  const remove = useDeleteDocument(spaceId, document.id);
  const download = useDownloadOriginal(spaceId, document);
  const step = useProcessingStep(spaceId, document.id, document.status === "processing");
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  async function deleteDocument() {
    const deleted = await remove.mutateAsync().then(
      () => true,
      () => false,
    );
    if (!deleted) return;
    setConfirmingDelete(false);
    await navigate({
      to: "/s/$spaceId/knowledge",
      params: { spaceId },
      search: { notebook: document.notebook_id },
    });
    forgetDocument(queryClient, spaceId, document.id);
  }

  return (
    <div className="space-y-5">
      <BackLink spaceId={spaceId} notebookId={document.notebook_id} />
      {/* File names can be one long word: let the title wrap anywhere on narrow screens. */}
      <div className="[&_h1]:[overflow-wrap:anywhere]">
        <PageHeader
          title={document.name}
          description={
            <span className="flex flex-wrap items-center gap-2">
              <DocumentStatusBadge status={document.status} />
              <span>
                {formatLabel(document.format)} · {formatBytes(document.size_bytes)}
              </span>
            </span>
          }
          actions={
            <DocumentActions
              document={document}
              downloading={download.isPending}
              reprocessing={reprocess.isPending}
              onDownload={() => download.mutate()}
              onReprocess={() => reprocess.mutate()}
              onDelete={() => {
                remove.reset();
                setConfirmingDelete(true);
              }}
            />
          }
        />
      </div>
      {live}
      <ErrorMessage error={reprocess.error} title="The document could not be reprocessed" />
      <ErrorMessage error={download.error} title="The original file could not be downloaded" />
      {reprocess.isSuccess && document.status === "processed" && (
        <Notice tone="success">
          Reprocessing finished: the text, chunks and analysis below are current.
        </Notice>
      )}
      <DocumentProcessingStatus document={document} step={step} />
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-5 lg:order-2">
          <DocumentDetails spaceId={spaceId} document={document} />
          <DocumentAnalysis document={document} />
        </div>
        <div className="min-w-0 lg:order-1">
          <DocumentChunks spaceId={spaceId} document={document} chunkId={chunkId} rawRange={rawRange} />
        </div>
      </div>
      <DeleteDocumentDialog
        open={confirmingDelete}
        document={document}
        deleting={remove.isPending}
        error={remove.error}
        onConfirm={() => void deleteDocument()}
        onClose={() => setConfirmingDelete(false)}
      />
    </div>
  );
}

function BackLink({ spaceId, notebookId }: { spaceId: string; notebookId: string | undefined }) {
  const notebooks = useNotebooks(spaceId);
  const name = notebooks.data?.find((notebook) => notebook.id === notebookId)?.name;
  return (
    <Link
      to="/s/$spaceId/knowledge"
      params={{ spaceId }}
      search={notebookId ? { notebook: notebookId } : {}}
      className="inline-block text-sm text-blue-700 hover:underline dark:text-blue-300"
    >
      <span aria-hidden="true">← </span>
      {name ? `Back to ${name}` : "Back to Knowledge"}
    </Link>
  );
}
