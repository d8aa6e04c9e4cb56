/**
 * OCR through tesseract.js: one worker thread, kept between calls because starting one and
 * loading its language models costs about half a second. Calls are run one at a time (the
 * worker is single-threaded anyway, and a queue keeps memory at one image in flight).
 *
 * The worker is made for a language set and replaced when a call asks for another set, so at
 * most one worker (~100–200 MB) is alive. It stops after a few idle minutes or on `closeOcr()`,
 * and while idle it does not keep the process alive.
 */
import { createWorker, OEM, PSM, type Worker } from "tesseract.js";
import { prepareLanguagePath, uniqueLanguages } from "./ocr-languages.js";
import { attachThreadWatch, type ThreadWatch } from "./worker-thread-watch.js";

export interface OcrOptions {
  /** Tesseract language codes, first one primary; each needs its `@tesseract.js-data/<code>` package. */
  readonly languages: readonly string[];
  /** Resolution of the image when the caller knows it (rendered PDF pages); tesseract guesses otherwise. */
  readonly dpi?: number;
  /** Longest one recognition may take before the worker is killed; 120 s by default. */
  readonly timeoutMs?: number;
}

export interface OcrResult {
  readonly text: string;
  /** Tesseract's mean word confidence, 0–100 (0 when nothing was recognised). */
  readonly confidence: number;
}

/** Tesseract could not read the image (unknown or broken encoding) or its worker failed. */
export class OcrFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OcrFailure";
  }
}

interface LiveWorker {
  readonly key: string;
  readonly worker: Worker;
  readonly thread: ThreadWatch;
}

const idleStopMs = 3 * 60_000;
const defaultTimeoutMs = 120_000;

let live: LiveWorker | undefined;
let idleTimer: NodeJS.Timeout | undefined;
let queue: Promise<unknown> = Promise.resolve();

function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** Recognises the text of one image (PNG, JPEG, TIFF — first frame —, GIF, BMP, WebP bytes). */
export function recognizeImage(image: Uint8Array, options: OcrOptions): Promise<OcrResult> {
  return serialized(async () => {
    clearIdleTimer();
    try {
      return await recognizeNow(image, options);
    } finally {
      scheduleIdleStop();
    }
  });
}

async function recognizeNow(image: Uint8Array, options: OcrOptions): Promise<OcrResult> {
  const current = await workerFor(options.languages);
  current.thread.hold();
  try {
    await current.worker.setParameters({ user_defined_dpi: String(Math.round(options.dpi ?? 0)) });
    const recognition = current.worker.recognize(
      Buffer.from(image.buffer, image.byteOffset, image.byteLength),
    );
    const { data } = await current.thread.race(recognition, options.timeoutMs ?? defaultTimeoutMs);
    return { text: data.text, confidence: Number.isFinite(data.confidence) ? data.confidence : 0 };
  } catch (error) {
    // After a failure the worker's state is unknown (it may be dead or stuck): start afresh.
    await stopWorker();
    throw new OcrFailure(describe(error));
  } finally {
    current.thread.release();
  }
}

/** Stops the OCR worker (after any queued calls); the next call starts a new one. */
export function closeOcr(): Promise<void> {
  return serialized(async () => {
    clearIdleTimer();
    await stopWorker();
  });
}

async function workerFor(languages: readonly string[]): Promise<LiveWorker> {
  const codes = uniqueLanguages(languages);
  const key = codes.join("+");
  if (live?.key === key && live.thread.alive()) return live;
  // Checked before the current worker goes: a missing language should not cost a good worker.
  const { langPath, release } = await prepareLanguagePath(codes);
  await stopWorker();
  try {
    const worker = await createWorker(key, OEM.LSTM_ONLY, {
      langPath,
      gzip: true,
      // Read the models from langPath only: never a cache folder, never a download.
      cacheMethod: "none",
      // Without a handler tesseract.js rethrows job errors inside a message listener, which
      // crashes the process; the job's own promise rejects either way.
      errorHandler: () => undefined,
    });
    await worker.setParameters({
      // Full-page layout analysis: scans have columns, headers and footers.
      tessedit_pageseg_mode: PSM.AUTO,
      // Tesseract's chatter ("Estimating resolution as …") would go to the server's stderr.
      debug_file: "/dev/null",
    });
    live = { key, worker, thread: attachThreadWatch(worker) };
    return live;
  } finally {
    await release();
  }
}

async function stopWorker(): Promise<void> {
  const stopping = live;
  live = undefined;
  if (stopping === undefined) return;
  try {
    await stopping.worker.terminate();
  } catch {
    // Already dead: nothing left to stop.
  }
}

function scheduleIdleStop(): void {
  clearIdleTimer();
  idleTimer = setTimeout(() => {
    void closeOcr();
  }, idleStopMs);
  idleTimer.unref();
}

function clearIdleTimer(): void {
  if (idleTimer !== undefined) clearTimeout(idleTimer);
  idleTimer = undefined;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^(Error: )+/, "");
}

/** Below this mean confidence (0–100) OCR text is kept but flagged to the user as doubtful. */
export const lowOcrConfidence = 60;
