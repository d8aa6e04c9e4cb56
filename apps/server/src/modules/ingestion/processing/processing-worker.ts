import { parentPort } from "node:worker_threads";
import { loadLanguageDetector } from "../analysis/language/detect-language.js";
import { loadNamedEntityTagger } from "../analysis/pii/recognizers/named-entities.js";
import { closeOcr } from "../extraction/ocr/ocr-service.js";
import { type ProcessFileInput, type ProcessFileProgress, processFile } from "./process-file.js";

/** Worker-thread side of the processing pool: one file at a time, results posted back. */
const port = parentPort;
if (!port) throw new Error("processing-worker must run in a worker thread");
// Every file is scanned for names and languages: load both now, not during the first file.
loadNamedEntityTagger();
loadLanguageDetector();

port.on("message", async (message: { id: number; input: ProcessFileInput }) => {
  try {
    const value = await processFile(message.input, (progress: ProcessFileProgress) =>
      port.postMessage({ id: message.id, progress }),
    );
    port.postMessage({ id: message.id, ok: true, value });
  } catch (error) {
    port.postMessage({ id: message.id, ok: false, error: (error as Error)?.message ?? String(error) });
  }
});

port.on("close", () => {
  void closeOcr();
});
