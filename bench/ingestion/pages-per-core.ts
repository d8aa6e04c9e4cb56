import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../../apps/server/src/config/index.js";
import { defaultExtractionLimits } from "../../apps/server/src/modules/ingestion/extraction/types.js";
import {
  type ProcessFileInput,
  processFile,
} from "../../apps/server/src/modules/ingestion/processing/process-file.js";
import { median } from "../lib/stats.js";
import { makeBenchPdf } from "./bench-pdfs.js";

export interface PagesPerCoreRun {
  wallMs: number;
  cpuMs: number;
}

export interface PagesPerCoreResult {
  pages: number;
  bytes: number;
  chunks: number;
  textChars: number;
  runs: PagesPerCoreRun[];
  /** Pages per second of CPU time (user + system of this process): pages per second per core. */
  pagesPerCpuSecond: number;
  pagesPerWallSecond: number;
}

/** The worker's input for `file`, with the settings a server started from this shell would use. */
function workerInput(file: string): ProcessFileInput {
  const config = loadConfig({ env: process.env, persistSecret: false }).ingestion;
  return {
    path: file,
    format: "pdf",
    fileName: "bench.pdf",
    limits: { ...defaultExtractionLimits, ocr: config.ocr },
    piiPolicy: config.piiPolicy,
    chunking: {
      strategy: config.chunking.strategy,
      maxChunkSize: config.chunking.maxChunkSize,
      overlapSize: config.chunking.overlapSize,
      maxChunks: config.chunking.maxChunksPerFile,
    },
  };
}

/**
 * Runs the processing worker's function (`processFile`: extraction, analysis and chunking; no
 * embedding) on `pdf` in this process, after a warm-up on a small PDF so module loading and JIT
 * are not counted, and times each run in wall and CPU time.
 */
export async function measurePagesPerCore(
  pdf: Buffer,
  options: { runs: number },
): Promise<PagesPerCoreResult> {
  const dir = await mkdtemp(path.join(tmpdir(), "tributary-bench-pages-"));
  try {
    const warmUpFile = path.join(dir, "warm-up.pdf");
    await writeFile(warmUpFile, await makeBenchPdf(5));
    await processFile(workerInput(warmUpFile));

    const file = path.join(dir, "bench.pdf");
    await writeFile(file, pdf);
    const runs: PagesPerCoreRun[] = [];
    let last: Awaited<ReturnType<typeof processFile>> | undefined;
    for (let run = 0; run < options.runs; run++) {
      const cpuBefore = process.cpuUsage();
      const wallBefore = performance.now();
      last = await processFile(workerInput(file));
      const wallMs = performance.now() - wallBefore;
      const cpu = process.cpuUsage(cpuBefore);
      runs.push({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000 });
    }
    if (!last?.ok)
      throw new Error(`processing the benchmark PDF failed: ${last && !last.ok ? last.message : ""}`);
    const pages = last.pageCount;
    return {
      pages,
      bytes: pdf.length,
      chunks: last.chunks.length,
      textChars: last.textLength,
      runs,
      pagesPerCpuSecond: pages / (median(runs.map((run) => run.cpuMs)) / 1000),
      pagesPerWallSecond: pages / (median(runs.map((run) => run.wallMs)) / 1000),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
