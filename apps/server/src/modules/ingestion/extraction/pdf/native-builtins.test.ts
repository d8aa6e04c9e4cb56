import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { makeTextPdf } from "../../testing/fixtures/pdf-fixtures.js";

/**
 * In a fresh thread (this process may have loaded pdfjs already, replacing its built-ins before
 * any capture): opens a PDF with `openPdf` and reports which built-ins are still the thread's own.
 */
const script = `
  const { parentPort, workerData } = require("node:worker_threads");
  const natives = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
  const current = () => ({
    push: Array.prototype.push === natives.push,
    parse: JSON.parse === natives.parse,
    stringify: JSON.stringify === natives.stringify,
  });
  (async () => {
    (await import(workerData.tsx)).register();
    const { openPdf } = await import(workerData.pdfjsDocument);
    const pdf = await openPdf(new Uint8Array(workerData.pdf));
    const pages = pdf.numPages;
    const text = (await (await pdf.getPage(1)).getTextContent()).items.map((item) => item.str).join("");
    await pdf.destroy();
    // pdfjs still has what it added.
    const added = typeof Promise.withResolvers === "function";
    parentPort.postMessage({ natives: current(), pages, text, added });
  })().catch((error) => parentPort.postMessage({ error: String(error && error.stack || error) }));
`;

describe("pdfjs and the thread's built-ins", () => {
  it("leaves Array.prototype.push and JSON native after a PDF was opened", async () => {
    const pdf = await makeTextPdf([["Native push"], ["page two"]]);
    const worker = new Worker(script, {
      eval: true,
      workerData: {
        tsx: import.meta.resolve("tsx/esm/api"),
        pdfjsDocument: new URL("./pdfjs-document.ts", import.meta.url).href,
        pdf,
      },
    });
    try {
      const result = await new Promise((resolve, reject) => {
        worker.once("message", resolve);
        worker.once("error", reject);
      });
      expect(result).toEqual({
        natives: { push: true, parse: true, stringify: true },
        pages: 2,
        text: "Native push",
        added: true,
      });
    } finally {
      await worker.terminate();
    }
  });
});
