import { extname } from "node:path";
import { papa } from "../text/papaparse.js";
import type { DocumentFormat } from "../types.js";

export type TextFormat = Extract<DocumentFormat, "text" | "markdown" | "html" | "csv">;

const TEXT_FORMAT_BY_EXTENSION: ReadonlyMap<string, TextFormat> = new Map([
  [".md", "markdown"],
  [".markdown", "markdown"],
  [".mdown", "markdown"],
  [".mkd", "markdown"],
  [".html", "html"],
  [".htm", "html"],
  [".xhtml", "html"],
  [".csv", "csv"],
  [".tsv", "csv"],
  [".txt", "text"],
  [".text", "text"],
  [".log", "text"],
]);

/** The text subtype a file name claims (only ever used once the content is known to be text). */
export function textFormatFromName(declaredName: string | undefined): TextFormat | null {
  if (!declaredName) return null;
  return TEXT_FORMAT_BY_EXTENSION.get(extname(declaredName).toLowerCase()) ?? null;
}

const HTML_START =
  /^<(?:html|head|body|title|meta|link|base|div|p|span|a|h[1-6]|table|ul|ol|section|article|header|footer|nav|main|form|img|br|script|style)(?:[\s/>]|$)/i;

/** Starts, after whitespace, BOM, comments, an XML declaration or a doctype, with an HTML element. */
export function looksLikeHtml(text: string): boolean {
  let rest = text.replace(/^\uFEFF/, "");
  for (;;) {
    rest = rest.trimStart();
    if (/^<!doctype\s+html/i.test(rest)) return true;
    const skipped = /^<!--[\s\S]*?-->/.exec(rest) ?? /^<\?xml[^>]*\?>/i.exec(rest);
    if (!skipped) break;
    rest = rest.slice(skipped[0].length);
  }
  return HTML_START.test(rest);
}

const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+\S/;
const FENCE = /^ {0,3}(?:```|~~~)/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S/;
const LINK = /\[[^\]\n]+\]\([^)\s]+\)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-{2,})[ \t]*$/;

/**
 * Clear Markdown structure (not just a stray "#" or dash): a fenced code block, two headings,
 * a heading with a list or link, or links among list items. Headings inside fences don't count.
 */
export function looksLikeMarkdown(text: string): boolean {
  let headings = 0;
  let fences = 0;
  let lists = 0;
  let links = 0;
  let inFence = false;
  let previousLine = "";
  for (const line of text.split("\n", 2_000)) {
    if (FENCE.test(line)) {
      fences++;
      inFence = !inFence;
    } else if (!inFence) {
      if (ATX_HEADING.test(line)) headings++;
      else if (SETEXT_UNDERLINE.test(line) && previousLine.trim() !== "" && !LIST_ITEM.test(previousLine))
        headings++;
      if (LIST_ITEM.test(line)) lists++;
      if (LINK.test(line)) links++;
    }
    previousLine = line;
  }
  return fences >= 2 || headings >= 2 || (headings >= 1 && lists + links >= 1) || (links >= 1 && lists >= 2);
}

/** Rows sampled to decide CSV. */
const CSV_SAMPLE_ROWS = 50;

/**
 * Consistent delimiter counts over the first lines: at least two columns, every row the same
 * width, at least three rows (two for tab-separated). Prose with commas is told apart by the
 * space that follows a comma in writing but rarely in data.
 */
export function looksLikeCsv(text: string, complete: boolean): boolean {
  // A head cut mid-file ends mid-row: leave the last, partial line out.
  const sample = complete ? text : text.slice(0, Math.max(0, text.lastIndexOf("\n")));
  const parsed = papa.parse(sample.replace(/^\uFEFF/, ""), {
    delimiter: "",
    preview: CSV_SAMPLE_ROWS,
    // A trailing blank line would spoil papaparse's delimiter guess.
    skipEmptyLines: "greedy",
  });
  if (parsed.errors.some((error) => error.code === "UndetectableDelimiter")) return false;
  const rows = parsed.data.filter((row) => row.some((cell) => cell.trim() !== ""));
  const width = rows[0]?.length ?? 0;
  if (width < 2 || rows.some((row) => row.length !== width)) return false;
  const delimiter = parsed.meta.delimiter;
  if (rows.length < (delimiter === "\t" ? 2 : 3)) return false;
  if (delimiter === "," || delimiter === ";") {
    const laterFields = rows.flatMap((row) => row.slice(1)).filter((cell) => cell !== "");
    const spaced = laterFields.filter((cell) => cell.startsWith(" ")).length;
    if (spaced > laterFields.length / 2) return false;
  }
  return true;
}

/**
 * The text subtype of decoded text. The declared name may pick among text subtypes (a `.md`
 * file is Markdown even without headings); otherwise the content decides.
 */
export function classifyText(text: string, declaredName: string | undefined, complete: boolean): TextFormat {
  const named = textFormatFromName(declaredName);
  if (named) return named;
  if (looksLikeHtml(text)) return "html";
  if (looksLikeMarkdown(text)) return "markdown";
  if (looksLikeCsv(text, complete)) return "csv";
  return "text";
}
