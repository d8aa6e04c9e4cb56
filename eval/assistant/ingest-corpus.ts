import type { DocumentChunk } from "@tributary/contracts";
import { buildUploadFile } from "./corpus-files.js";
import type { CorpusDocument } from "./corpus-manifest.js";
import type { KnownChunk } from "./score-question.js";
import { type EvalAccount, listChunks, uploadDocument, waitUntilSettled } from "./tributary-client.js";

/** How long one document may take to be processed on a loaded two-core machine. */
const settleTimeoutMs = 300_000;

export interface IngestedDocument {
  readonly id: string;
  readonly format: CorpusDocument["format"];
  readonly fileName: string;
  readonly platformId: string | null;
  /** `processed`, `failed`, or the eval's own `upload_failed` / `timeout`. */
  readonly status: string;
  readonly chunks: number;
  readonly pages: number | null;
  readonly processingMs: number | null;
  readonly error: string | null;
}

export interface IngestedCorpus {
  readonly documents: readonly IngestedDocument[];
  /** Every chunk of every processed document, by chunk id. */
  readonly chunks: ReadonlyMap<string, KnownChunk>;
  readonly ingestMs: number;
}

interface Upload {
  readonly document: CorpusDocument;
  readonly fileName: string;
  readonly platformId: string | null;
  readonly error: string | null;
}

async function upload(account: EvalAccount, notebookId: string, document: CorpusDocument): Promise<Upload> {
  const file = await buildUploadFile(document);
  try {
    const uploaded = await uploadDocument(account, notebookId, file);
    return { document, fileName: file.fileName, platformId: uploaded.id, error: null };
  } catch (error) {
    return { document, fileName: file.fileName, platformId: null, error: String(error) };
  }
}

async function settle(
  account: EvalAccount,
  uploaded: Upload,
): Promise<{ ingested: IngestedDocument; chunks: DocumentChunk[] }> {
  const base = { id: uploaded.document.id, format: uploaded.document.format, fileName: uploaded.fileName };
  const unfinished = { pages: null, processingMs: null, chunks: 0 };
  if (uploaded.platformId === null) {
    return {
      ingested: { ...base, ...unfinished, platformId: null, status: "upload_failed", error: uploaded.error },
      chunks: [],
    };
  }
  try {
    const settled = await waitUntilSettled(account, uploaded.platformId, settleTimeoutMs);
    const chunks = settled.status === "processed" ? await listChunks(account, settled.id) : [];
    const ingested: IngestedDocument = {
      ...base,
      platformId: settled.id,
      status: settled.status,
      chunks: chunks.length,
      pages: settled.page_count,
      processingMs: settled.processing_time_ms,
      error: settled.error,
    };
    return { ingested, chunks };
  } catch (error) {
    return {
      ingested: {
        ...base,
        ...unfinished,
        platformId: uploaded.platformId,
        status: "timeout",
        error: String(error),
      },
      chunks: [],
    };
  }
}

/**
 * Uploads every corpus document through POST /api/v1/documents (PDF and DOCX rendered first),
 * waits until each is processed, and reads back its chunks. A document that fails is reported,
 * not fatal: its questions then count as misses.
 */
export async function ingestCorpus(
  account: EvalAccount,
  notebookId: string,
  documents: readonly CorpusDocument[],
): Promise<IngestedCorpus> {
  const started = performance.now();
  const uploads: Upload[] = [];
  for (const document of documents) uploads.push(await upload(account, notebookId, document));
  const ingested: IngestedDocument[] = [];
  const chunks = new Map<string, KnownChunk>();
  for (const uploaded of uploads) {
    const result = await settle(account, uploaded);
    for (const chunk of result.chunks) {
      chunks.set(chunk.id, { content: chunk.content, corpusDocument: uploaded.document.id });
    }
    ingested.push(result.ingested);
    const { fileName, status, chunks: count, error } = result.ingested;
    const line = `  ${fileName}: ${status} (${count} chunks)`;
    if (status === "processed") console.info(line);
    else console.warn(`${line}: ${error ?? "no reason given"}`);
  }
  return { documents: ingested, chunks, ingestMs: performance.now() - started };
}
