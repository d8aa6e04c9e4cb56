import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  renderTextGif,
  renderTextJpeg,
  renderTextPng,
  renderTextTiff,
} from "../../testing/fixtures/image-fixtures.js";
import { closeOcr } from "../ocr/ocr-service.js";
import { defaultExtractionLimits, ExtractionFailure, type ExtractionLimits } from "../types.js";
import { extractImage } from "./extract-image.js";

let dir: string;
let counter = 0;

async function fileWith(bytes: Uint8Array): Promise<string> {
  counter += 1;
  const file = path.join(dir, `image-${counter}`);
  await writeFile(file, bytes);
  return file;
}

async function failureOf(promise: Promise<unknown>): Promise<ExtractionFailure> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ExtractionFailure))
    throw new Error(`expected an ExtractionFailure, got ${String(error)}`);
  return error;
}

const lines = ["Harbour ledger 2024", "Quarterly revenue forecast"];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "extract-image-"));
});

afterAll(async () => {
  await closeOcr();
  await rm(dir, { recursive: true, force: true });
});

describe("extractImage", () => {
  it.each([
    ["png", renderTextPng],
    ["jpeg", renderTextJpeg],
    ["gif", renderTextGif],
  ] as const)("reads the text of a %s image", async (format, render) => {
    const result = await extractImage(await fileWith(render(lines)), defaultExtractionLimits);
    expect(result.format).toBe(format);
    expect(result.text.toLowerCase()).toMatch(/harbour/);
    expect(result.text.toLowerCase()).toMatch(/revenue/);
    expect(result.pageCount).toBe(1);
    expect(result.ocrPages).toEqual([1]);
    expect(result.segments).toEqual([{ start: 0, end: result.text.length, ocr: true }]);
  });

  it("reads each frame of a multi-page TIFF as a page", async () => {
    const tiff = renderTextTiff([["First frame mentions elephants"], ["Second frame mentions giraffes"]]);
    const result = await extractImage(await fileWith(tiff), defaultExtractionLimits);
    expect(result.format).toBe("tiff");
    expect(result.pageCount).toBe(2);
    expect(result.ocrPages).toEqual([1, 2]);
    const [first, second] = result.segments;
    expect(first?.page).toBe(1);
    expect(second?.page).toBe(2);
    expect(result.text.slice(first?.start, first?.end).toLowerCase()).toMatch(/elephants/);
    expect(result.text.slice(second?.start, second?.end).toLowerCase()).toMatch(/giraffes/);
  });

  it("reads French with the French model", async () => {
    const french: ExtractionLimits = {
      ...defaultExtractionLimits,
      ocr: { enabled: true, languages: ["fra"] },
    };
    const png = renderTextPng(["Le cœur a ses raisons", "Où êtes-vous allé à Noël ?"]);
    const result = await extractImage(await fileWith(png), french);
    expect(result.text).toMatch(/cœur/);
    expect(result.text).toMatch(/Noël/);
  });

  it("fails as empty when the image has no text", async () => {
    const failure = await failureOf(
      extractImage(await fileWith(renderTextPng([""])), defaultExtractionLimits),
    );
    expect(failure.reason).toBe("empty");
  });

  it("refuses images when OCR is off", async () => {
    const limits: ExtractionLimits = {
      ...defaultExtractionLimits,
      ocr: { enabled: false, languages: ["eng"] },
    };
    const failure = await failureOf(extractImage(await fileWith(renderTextPng(lines)), limits));
    expect(failure.reason).toBe("unsupported");
    expect(failure.message).toMatch(/OCR is turned off/);
  });

  it("refuses a TIFF with more frames than maxPages", async () => {
    const tiff = renderTextTiff([["one"], ["two"], ["three"]]);
    const failure = await failureOf(
      extractImage(await fileWith(tiff), { ...defaultExtractionLimits, maxPages: 2 }),
    );
    expect(failure.reason).toBe("too_large");
  });

  it("reports a broken image as corrupt and an unknown one as unsupported", async () => {
    const truncated = renderTextPng(lines).subarray(0, 60);
    expect((await failureOf(extractImage(await fileWith(truncated), defaultExtractionLimits))).reason).toBe(
      "corrupt",
    );
    const unknown = Buffer.from("just some text, not an image");
    expect((await failureOf(extractImage(await fileWith(unknown), defaultExtractionLimits))).reason).toBe(
      "unsupported",
    );
    expect(
      (await failureOf(extractImage(await fileWith(new Uint8Array()), defaultExtractionLimits))).reason,
    ).toBe("empty");
  });
});
