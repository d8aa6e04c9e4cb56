import { describe, expect, it } from "vitest";
import { FRENCH_PLAIN_TEXT, makeCsv } from "../../testing/fixtures/text-fixtures.js";
import {
  classifyText,
  looksLikeCsv,
  looksLikeHtml,
  looksLikeMarkdown,
  textFormatFromName,
} from "./classify-text.js";
import { sniffText } from "./sniff-text.js";

describe("looksLikeHtml", () => {
  it("skips BOM, comments, XML declarations and sees a doctype or an HTML element", () => {
    expect(looksLikeHtml("\uFEFF  <!-- c --> <!DOCTYPE html><p>x")).toBe(true);
    expect(looksLikeHtml("<!-- a --><!-- b -->\n<div class='x'>hi</div>")).toBe(true);
    expect(looksLikeHtml("<note><to>Tove</to></note>")).toBe(false);
    expect(looksLikeHtml("Text mentioning <html> later")).toBe(false);
  });
});

describe("looksLikeMarkdown", () => {
  it("wants clear structure, not a stray # or dash", () => {
    expect(looksLikeMarkdown("# Title\n\n- item")).toBe(true);
    expect(looksLikeMarkdown("```\ncode\n```")).toBe(true);
    expect(looksLikeMarkdown("Title\n=====\n\nIntro\n-----\n")).toBe(true);
    expect(looksLikeMarkdown("We are #1 in sales.\n- not much else")).toBe(false);
    expect(looksLikeMarkdown("```\n# inside a fence\n# also inside\n")).toBe(false);
  });
});

describe("looksLikeCsv", () => {
  it("wants the same number of columns on every row", () => {
    expect(
      looksLikeCsv(
        makeCsv([
          ["a", "b"],
          ["1", "2"],
          ["3", "4"],
        ]),
        true,
      ),
    ).toBe(true);
    expect(looksLikeCsv("x\ty\n1\t2\n", true)).toBe(true);
    expect(looksLikeCsv("a,b\n1,2,3\n4,5\n", true)).toBe(false);
    expect(looksLikeCsv("single column\nof words\nonly\n", true)).toBe(false);
  });

  it("does not mistake prose with commas for CSV", () => {
    expect(looksLikeCsv("Hello, world.\nYes, indeed.\nWell, maybe.\n", true)).toBe(false);
    expect(looksLikeCsv(FRENCH_PLAIN_TEXT, true)).toBe(false);
  });

  it("ignores the partial last line of a cut head", () => {
    expect(looksLikeCsv("a,b\n1,2\n3,4\n5,6\n7", false)).toBe(true);
  });
});

describe("classifyText", () => {
  it("takes the name's text subtype, else the content's", () => {
    expect(textFormatFromName("../../x.MD")).toBe("markdown");
    expect(textFormatFromName("a.pdf")).toBeNull();
    expect(classifyText("words", "a.htm", true)).toBe("html");
    expect(classifyText("<html><body>x", "a.pdf", true)).toBe("html");
    expect(classifyText("plain", undefined, true)).toBe("text");
  });
});

describe("sniffText", () => {
  it("refuses NULs and control-heavy bytes, and forgives a character cut at the end of the head", () => {
    expect(sniffText(Buffer.from("ok\u0000"), true)).toBeNull();
    expect(sniffText(Buffer.from([0x01, 0x02, 0x03, 0x41, 0x42]), true)).toBeNull();
    const cut = Buffer.from("é", "utf8").subarray(0, 1);
    expect(sniffText(Buffer.concat([Buffer.from("abc"), cut]), false)?.text).toBe("abc");
    expect(sniffText(Buffer.from([0x41, 0x81, 0x42]), true)).toBeNull();
  });
});
