import { type Document, documentSchema } from "@tributary/contracts";
import { cpuTimeMs } from "../lib/processes.js";
import { openEventStream } from "../lib/sse.js";
import { summarize } from "../lib/stats.js";
import {
  authHeaders,
  type BenchAccount,
  createBenchNotebook,
  registerBenchAccount,
} from "../lib/tributary-api.js";
import { startTributaryProcess } from "../lib/tributary-process.js";

export type WaitMode = "sse" | "poll";

export interface UploadTiming {
  /** POST /api/v1/documents sent → 201 received. */
  uploadMs: number;
  /** POST sent → the client learns the document is `processed`. */
  totalMs: number;
  /** Server clock: document created → its processing job started (queue wait). */
  queueMs: number;
  /** Server clock: job started → `processed` committed (processing, embedding, storing). */
  jobMs: number;
  /** The server's own `processing_time_ms`: job start → chunks (and embeddings, with retrieval) ready. */
  processingMs: number;
  /** CPU time the server process (all threads) used over `totalMs`. */
  serverCpuMs: number;
  pages: number;
  chunks: number;
}

export interface UploadToProcessedResult {
  readyAfterMs: number;
  /** The first upload after start (a small PDF): the worker thread loads its modules. */
  cold: UploadTiming;
  warm: UploadTiming[];
}

const pollIntervalMs = 20;
const timeoutMs = 120_000;

/** Document statuses as the space's SSE stream reports them, with waiters per document. */
class StatusBoard {
  private readonly statuses = new Map<string, string>();
  private readonly waiters = new Map<string, () => void>();

  update(documentId: string, status: string): void {
    this.statuses.set(documentId, status);
    if (status === "processed" || status === "failed") this.waiters.get(documentId)?.();
  }

  finished(documentId: string): Promise<void> {
    const status = this.statuses.get(documentId);
    if (status === "processed" || status === "failed") return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no final status after ${timeoutMs} ms`)), timeoutMs);
      this.waiters.set(documentId, () => {
        clearTimeout(timer);
        this.waiters.delete(documentId);
        resolve();
      });
    });
  }
}

async function getDocument(account: BenchAccount, id: string): Promise<Document> {
  const response = await fetch(`${account.origin}/api/v1/documents/${id}`, { headers: authHeaders(account) });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET document: ${response.status} ${text}`);
  return documentSchema.parse(JSON.parse(text));
}

async function uploadAndWait(
  context: {
    account: BenchAccount;
    notebookId: string;
    serverPid: number;
    wait: WaitMode;
    board: StatusBoard;
  },
  pdf: Buffer,
  name: string,
): Promise<UploadTiming> {
  const { account } = context;
  const form = new FormData();
  form.append("notebook_id", context.notebookId);
  form.append("file", new Blob([new Uint8Array(pdf)], { type: "application/pdf" }), name);
  const cpuBefore = await cpuTimeMs(context.serverPid);
  const started = performance.now();
  const uploaded = await fetch(`${account.origin}/api/v1/documents`, {
    method: "POST",
    headers: authHeaders(account),
    body: form,
  });
  const uploadMs = performance.now() - started;
  const uploadText = await uploaded.text();
  if (uploaded.status !== 201) throw new Error(`upload: ${uploaded.status} ${uploadText}`);
  let document: Document = documentSchema.parse(JSON.parse(uploadText));
  if (document.duplicate_of) throw new Error("the benchmark upload was taken as a duplicate");
  if (context.wait === "sse") {
    await context.board.finished(document.id);
  } else {
    while (document.status !== "processed" && document.status !== "failed") {
      if (performance.now() - started > timeoutMs) throw new Error(`still ${document.status} after 120 s`);
      await new Promise((resolve) => setTimeout(resolve, pollIntervalMs));
      document = await getDocument(account, document.id);
    }
  }
  const totalMs = performance.now() - started;
  const serverCpuMs = (await cpuTimeMs(context.serverPid)) - cpuBefore;
  document = await getDocument(account, document.id);
  if (document.status !== "processed")
    throw new Error(`processing ended ${document.status}: ${document.error}`);
  const at = (iso: string | null) => (iso ? Date.parse(iso) : Number.NaN);
  return {
    uploadMs,
    totalMs,
    queueMs: at(document.processing_started_at) - at(document.created_at),
    jobMs: at(document.processed_at) - at(document.processing_started_at),
    processingMs: document.processing_time_ms ?? Number.NaN,
    serverCpuMs,
    pages: document.page_count ?? 0,
    chunks: document.chunk_count,
  };
}

/**
 * Uploads each PDF in turn to a started server (`tributary start` in its own process) through the
 * public API and times upload → `processed`, learnt from the space's event stream
 * (GET /api/v1/events/stream) or by polling GET /api/v1/documents/{id} every 20 ms. The first PDF
 * is the cold start; the others are the measured uploads.
 */
export async function measureUploadToProcessed(
  pdfs: readonly Buffer[],
  options: { port: number; wait: WaitMode },
): Promise<UploadToProcessedResult> {
  // A slow machine may take longer than the default 5-minute access token over all the uploads.
  const server = await startTributaryProcess({
    port: options.port,
    env: { ACCESS_TOKEN_TTL_SECONDS: "3600" },
  });
  let stream: { close(): void } | undefined;
  try {
    const account = await registerBenchAccount(server.origin, "ingestion");
    const notebookId = await createBenchNotebook(account, "Benchmark uploads");
    const board = new StatusBoard();
    if (options.wait === "sse") {
      stream = await openEventStream(
        `${server.origin}/api/v1/events/stream`,
        authHeaders(account),
        (event) => {
          if (event.event !== "document.status") return;
          const data = JSON.parse(event.data) as { document_id?: string; status?: string };
          if (data.document_id && data.status) board.update(data.document_id, data.status);
        },
      );
    }
    const context = { account, notebookId, serverPid: server.child.pid ?? 0, wait: options.wait, board };
    const timings: UploadTiming[] = [];
    for (const [index, pdf] of pdfs.entries()) {
      timings.push(await uploadAndWait(context, pdf, `bench-${index}.pdf`));
    }
    const [cold, ...warm] = timings;
    if (!cold) throw new Error("no uploads were measured");
    return { readyAfterMs: server.readyAfterMs, cold, warm };
  } finally {
    stream?.close();
    await server.stop();
  }
}

export function summarizeUploads(timings: readonly UploadTiming[]) {
  return {
    upload: summarize(timings.map((timing) => timing.uploadMs)),
    total: summarize(timings.map((timing) => timing.totalMs)),
    queue: summarize(timings.map((timing) => timing.queueMs)),
    job: summarize(timings.map((timing) => timing.jobMs)),
    processing: summarize(timings.map((timing) => timing.processingMs)),
    serverCpu: summarize(timings.map((timing) => timing.serverCpuMs)),
  };
}
