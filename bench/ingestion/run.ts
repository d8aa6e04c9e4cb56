import os from "node:os";
import { fixed, printTable } from "../lib/table.js";
import { makeBenchPdf, pagesPerMegabyte, withCoverPage } from "./bench-pdfs.js";
import { measurePagesPerCore } from "./pages-per-core.js";
import { measureUploadToProcessed, summarizeUploads } from "./upload-to-processed.js";

const measuredUploads = Number(process.env.BENCH_INGESTION_UPLOADS ?? 10);
const waitMode = process.env.BENCH_INGESTION_WAIT === "poll" ? "poll" : "sse";
const processingRuns = Number(process.env.BENCH_INGESTION_RUNS ?? 3);
const targetPagesPerCore = 50;
const targetUploadMs = 3_000;

function verdict(ok: boolean): string {
  return ok ? "met" : "MISSED";
}

/**
 * bench/ingestion (issue 4): (a) text-layer PDF pages per second per core through the worker's
 * processing (extraction + analysis + chunking, no embedding); (b) upload → `processed` of a 1 MB
 * text PDF through the HTTP API of a started server, median and p95.
 */
export async function ingestion(): Promise<void> {
  const load = os.loadavg().map((value) => value.toFixed(2));
  const base = await makeBenchPdf(pagesPerMegabyte);

  const pages = await measurePagesPerCore(base, { runs: processingRuns });
  printTable(
    `bench/ingestion (a): text-layer PDF processing in one thread (${pages.pages} pages, ${fixed(pages.bytes / 1e6)} MB, ${pages.textChars} characters, ${pages.chunks} chunks)`,
    ["run", "wall ms", "CPU ms", "pages/s wall", "pages/s per core (CPU)"],
    pages.runs.map((run, index) => [
      index + 1,
      fixed(run.wallMs, 0),
      fixed(run.cpuMs, 0),
      fixed(pages.pages / (run.wallMs / 1000), 1),
      fixed(pages.pages / (run.cpuMs / 1000), 1),
    ]),
    [
      `median: ${fixed(pages.pagesPerCpuSecond, 1)} pages/s per core (CPU time), ${fixed(pages.pagesPerWallSecond, 1)} pages/s wall; target ≥ ${targetPagesPerCore} pages/s per core: ${verdict(pages.pagesPerCpuSecond >= targetPagesPerCore)}`,
      "processFile (extraction + language + PII + classification + chunking + per-chunk language), after a 5-page warm-up",
    ],
  );

  // A small first upload warms the server's worker thread up (module loading), then the 1 MB ones.
  const unique = () => `${Date.now()} ${Math.random()}`;
  const pdfs: Buffer[] = [await withCoverPage(await makeBenchPdf(5), `warm-up ${unique()}`)];
  for (let index = 1; index <= measuredUploads; index++) {
    pdfs.push(await withCoverPage(base, `${index} ${unique()}`));
  }
  const uploads = await measureUploadToProcessed(pdfs, { port: 18281, wait: waitMode });
  const summary = summarizeUploads(uploads.warm);
  const row = (label: string, stats: ReturnType<typeof summarizeUploads>["total"]) => [
    label,
    fixed(stats.p50, 0),
    fixed(stats.p95, 0),
    fixed(stats.mean, 0),
    fixed(stats.max, 0),
  ];
  printTable(
    `bench/ingestion (b): upload → processed, ${fixed((pdfs[1]?.length ?? 0) / 1e6)} MB text PDF (${uploads.warm[0]?.pages ?? 0} pages), ${uploads.warm.length} uploads one after another`,
    ["ms", "median", "p95", "mean", "max"],
    [
      row(
        `upload → processed (${waitMode === "sse" ? "SSE event stream" : "GET every 20 ms"})`,
        summary.total,
      ),
      row("  POST /api/v1/documents → 201", summary.upload),
      row("  server: created → job started (queue wait)", summary.queue),
      row("  server: job started → processed committed", summary.job),
      row("    of which processing_time_ms (to chunks and embeddings ready)", summary.processing),
      row("  server CPU time, all threads (over upload → processed)", summary.serverCpu),
    ],
    [
      `first upload after start (${uploads.cold.pages}-page PDF, loads the worker's modules; not counted): ${fixed(uploads.cold.totalMs, 0)} ms; server ready after ${uploads.readyAfterMs} ms`,
      `target median < ${targetUploadMs} ms: ${verdict(summary.total.p50 < targetUploadMs)}; p95 < ${targetUploadMs} ms: ${verdict(summary.total.p95 < targetUploadMs)}`,
      `host: ${os.cpus().length} cores, load average at start ${load.join(" ")} (other work on the machine adds noise)`,
    ],
  );
}
