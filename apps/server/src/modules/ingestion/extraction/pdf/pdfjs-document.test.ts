import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import {
  encryptedPdfPassword,
  encryptedPdfText,
  makeEncryptedPdf,
  makeTextPdf,
} from "../../testing/fixtures/pdf-fixtures.js";
import { ExtractionFailure } from "../types.js";
import { openPdf } from "./pdfjs-document.js";

describe("openPdf", () => {
  it("opens a PDF and reports its pages", async () => {
    const pdf = await openPdf(new Uint8Array(await makeTextPdf([["a"], ["b"]])));
    try {
      expect(pdf.numPages).toBe(2);
    } finally {
      await pdf.destroy();
    }
  });

  it("maps pdfjs's PasswordException to an encrypted failure", async () => {
    const error = await openPdf(new Uint8Array(makeEncryptedPdf())).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ExtractionFailure);
    expect((error as ExtractionFailure).reason).toBe("encrypted");
  });
});

describe("makeEncryptedPdf", () => {
  it("is really encrypted: its text shows only with the user password", async () => {
    const task = getDocument({
      data: new Uint8Array(makeEncryptedPdf()),
      password: encryptedPdfPassword,
      verbosity: 0,
    });
    const pdf = await task.promise;
    try {
      const content = await (await pdf.getPage(1)).getTextContent();
      const text = content.items.map((item) => ("str" in item ? item.str : "")).join("");
      expect(text).toBe(encryptedPdfText);
    } finally {
      await pdf.destroy();
    }
  });
});
