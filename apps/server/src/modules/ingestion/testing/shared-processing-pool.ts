import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type DocumentFormat, defaultExtractionLimits } from "../extraction/types.js";
import type { ProcessFileInput, ProcessFileOutput } from "../processing/process-file.js";
import { WorkerPool } from "../processing/worker-pool.js";
import { makeTextPdf } from "./fixtures/pdf-fixtures.js";

type ProcessingPool = WorkerPool<ProcessFileInput, ProcessFileOutput>;

let shared: ProcessingPool | undefined;
const warming = new WeakMap<ProcessingPool, Promise<void>>();

/**
 * One processing pool per test process, shared by the end-to-end files that run in it: a fresh
 * worker spends 5–20 s loading the extraction libraries, which each file would otherwise pay.
 * Never closed: its threads are unref'd.
 */
export function sharedProcessingPool(): ProcessingPool {
  shared ??= new WorkerPool({ size: 1, memoryMb: 1024 });
  return shared;
}

/** Settles once a text file and a PDF went through the pool (once per pool), so its worker is warm. */
export function warmPool(pool: ProcessingPool): Promise<void> {
  let warm = warming.get(pool);
  if (!warm) {
    warm = warmUp(pool);
    warming.set(pool, warm);
  }
  return warm;
}

/** The names of the files `warmPool` runs, which scripted workers leave alone. */
export const warmUpFileNames = ["warm.txt", "warm.pdf"] as const;

async function warmUp(pool: ProcessingPool): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "tributary-warm-"));
  try {
    const files: [string, DocumentFormat, string | Buffer][] = [
      [warmUpFileNames[0], "text", "Warming up the processing worker with a short English sentence."],
      [warmUpFileNames[1], "pdf", await makeTextPdf([["Warming up the PDF reader."]])],
    ];
    for (const [name, format, data] of files) {
      const file = path.join(dir, name);
      await writeFile(file, data);
      await pool.run(warmInput(file, format), { timeoutMs: 120_000 });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function warmInput(file: string, format: DocumentFormat): ProcessFileInput {
  return {
    path: file,
    format,
    fileName: path.basename(file),
    limits: defaultExtractionLimits,
    piiPolicy: "detect",
    chunking: { strategy: "semantic", maxChunkSize: 1000, overlapSize: 200, maxChunks: 100 },
  };
}
