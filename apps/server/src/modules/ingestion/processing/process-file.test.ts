import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLANTED_PII_TEXT, PLANTED_VALUES } from "../analysis/pii/planted-pii-fixture.js";
import { defaultExtractionLimits } from "../extraction/types.js";
import { type ProcessFileInput, type ProcessFileProgress, processFile } from "./process-file.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "process-file-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function textInput(text: string, piiPolicy: ProcessFileInput["piiPolicy"]): Promise<ProcessFileInput> {
  const file = path.join(dir, `${piiPolicy}.txt`);
  await writeFile(file, text);
  return {
    path: file,
    format: "text",
    fileName: "notes.txt",
    limits: { ...defaultExtractionLimits, ocr: { enabled: false, languages: [] } },
    piiPolicy,
    chunking: { strategy: "sentence", maxChunkSize: 120, overlapSize: 20, maxChunks: 1000 },
  };
}

describe("processFile progress", () => {
  it("reports the chunks' texts, as stored and redacted, before the per-chunk analysis", async () => {
    const text = Array.from({ length: 6 }, () => PLANTED_PII_TEXT).join("\n\n");
    const reported: ProcessFileProgress[] = [];
    const output = await processFile(await textInput(text, "redact"), (progress) => reported.push(progress));
    if (!output.ok) throw new Error(output.message);
    expect(output.chunks.length).toBeGreaterThan(3);
    expect(reported).toEqual([{ chunkTexts: output.chunks.map((chunk) => chunk.content) }]);
    for (const chunkText of reported[0]?.chunkTexts ?? []) {
      for (const [, value] of PLANTED_VALUES) expect(chunkText).not.toContain(value);
    }
  });

  it("reports nothing for a file that fails", async () => {
    const reported: ProcessFileProgress[] = [];
    const output = await processFile(await textInput(PLANTED_PII_TEXT, "block"), (progress) =>
      reported.push(progress),
    );
    expect(output).toMatchObject({ ok: false, reason: "pii_blocked" });
    expect(reported).toEqual([]);
  });
});

describe("processFile PII findings per chunk", () => {
  it("places each finding in its chunk's content, clipped where it crosses a chunk boundary", async () => {
    const text = Array.from({ length: 4 }, () => PLANTED_PII_TEXT).join("\n\n");
    const output = await processFile(await textInput(text, "detect"));
    if (!output.ok) throw new Error(output.message);
    const planted = new Set(PLANTED_VALUES.map(([, value]) => value));
    let whole = 0;
    for (const chunk of output.chunks) {
      const counted = Object.values(chunk.pii_counts).reduce((sum, n) => sum + (n ?? 0), 0);
      expect(chunk.pii_findings).toHaveLength(counted);
      for (const finding of chunk.pii_findings) {
        expect(finding.start).toBeGreaterThanOrEqual(0);
        expect(finding.end).toBeLessThanOrEqual(chunk.content.length);
        expect(finding.start).toBeLessThan(finding.end);
        if (planted.has(chunk.content.slice(finding.start, finding.end))) whole += 1;
      }
    }
    // Most findings lie wholly in one chunk and mark exactly the planted value.
    expect(whole).toBeGreaterThanOrEqual(planted.size);
  });
});
