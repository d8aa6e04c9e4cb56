import { describe, expect, it } from "vitest";
import { textExtractorFor } from "../text/text-extractors.js";
import { officeExtractorFor } from "./office-extractors.js";

describe("extractor registries", () => {
  it("cover each of our formats once and nothing else", () => {
    const formats = [
      "docx",
      "pptx",
      "xlsx",
      "odt",
      "rtf",
      "csv",
      "html",
      "markdown",
      "text",
      "pdf",
      "png",
    ] as const;
    const owners = formats.map((format) => [
      format,
      officeExtractorFor(format) ? "office" : textExtractorFor(format) ? "text" : null,
    ]);
    expect(Object.fromEntries(owners)).toEqual({
      docx: "office",
      pptx: "office",
      xlsx: "office",
      odt: "office",
      rtf: "office",
      csv: "text",
      html: "text",
      markdown: "text",
      text: "text",
      pdf: null,
      png: null,
    });
  });
});
