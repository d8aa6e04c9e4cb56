import { TextDecoder } from "node:util";

/**
 * A small RTF reader: enough of the spec to get the visible text out of what word processors
 * write. `source` is the file read as latin1 (RTF is 7-bit; bytes above 0x7f are decoded here).
 */

/** Destinations whose content is not document text. */
const SKIPPED_DESTINATIONS = new Set([
  "fonttbl",
  "colortbl",
  "stylesheet",
  "info",
  "pict",
  "shppict",
  "nonshppict",
  "object",
  "objdata",
  "header",
  "headerl",
  "headerr",
  "headerf",
  "footer",
  "footerl",
  "footerr",
  "footerf",
  "listtable",
  "listoverridetable",
  "revtbl",
  "rsidtbl",
  "filetbl",
  "themedata",
  "colorschememapping",
  "datastore",
  "latentstyles",
  "xmlnstbl",
  "generator",
  "fldinst",
  "pgdsctbl",
  "bkmkstart",
  "bkmkend",
  "xe",
  "tc",
  "template",
  "author",
  "operator",
  "title",
  "subject",
  "keywords",
  "comment",
  "doccomm",
  "company",
  "mmathPr",
]);

/** Control words that stand for a character. */
const CHARACTER_WORDS: ReadonlyMap<string, string> = new Map([
  ["par", "\n"],
  ["line", "\n"],
  ["sect", "\n\n"],
  ["page", "\n\n"],
  ["row", "\n"],
  ["tab", "\t"],
  ["cell", "\t"],
  ["nestcell", "\t"],
  ["emdash", "\u2014"],
  ["endash", "\u2013"],
  ["emspace", " "],
  ["enspace", " "],
  ["qmspace", " "],
  ["bullet", "\u2022"],
  ["lquote", "\u2018"],
  ["rquote", "\u2019"],
  ["ldblquote", "\u201C"],
  ["rdblquote", "\u201D"],
]);

const CONTROL_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ["\\", "\\"],
  ["{", "{"],
  ["}", "}"],
  ["~", "\u00A0"],
  ["_", "\u2011"],
  ["-", ""],
  ["\n", "\n"],
  ["\r", "\n"],
]);

/** Windows font charsets (`\fcharsetN`) to code pages. */
const CHARSET_CODEPAGES: ReadonlyMap<number, number> = new Map([
  [0, 1252],
  [77, 10000],
  [128, 932],
  [129, 949],
  [134, 936],
  [136, 950],
  [161, 1253],
  [162, 1254],
  [163, 1258],
  [177, 1255],
  [178, 1256],
  [186, 1257],
  [204, 1251],
  [222, 874],
  [238, 1250],
]);

const CODEPAGE_LABELS: ReadonlyMap<number, string> = new Map([
  [932, "shift_jis"],
  [936, "gbk"],
  [949, "euc-kr"],
  [950, "big5"],
  [10000, "macintosh"],
  [20127, "us-ascii"],
  [65001, "utf-8"],
]);

const decoders = new Map<number, TextDecoder>();

function decoderFor(codepage: number): TextDecoder {
  let decoder = decoders.get(codepage);
  if (!decoder) {
    const label = CODEPAGE_LABELS.get(codepage) ?? `windows-${codepage}`;
    try {
      decoder = new TextDecoder(label);
    } catch {
      // Code pages the platform does not know (437, 850…) read best as Windows-1252.
      decoder = new TextDecoder("windows-1252");
    }
    decoders.set(codepage, decoder);
  }
  return decoder;
}

interface GroupState {
  /** Inside a destination we do not output (font table, pictures, metadata…). */
  skip: boolean;
  /** Hidden text (`\v`). */
  hidden: boolean;
  inFontTable: boolean;
  /** Characters to drop after each `\uN`. */
  unicodeSkip: number;
  font: number | null;
}

export class RtfSyntaxError extends Error {}

export interface RtfText {
  readonly text: string;
  readonly warnings: string[];
}

const LETTER = /[a-zA-Z]/;
const DIGIT = /[0-9]/;

/** Converts RTF source to plain text; throws `RtfSyntaxError` when it is not RTF at all. */
export function rtfToText(source: string): RtfText {
  const start = source.search(/\S/);
  if (start < 0 || !source.startsWith("{\\rtf", start))
    throw new RtfSyntaxError("it does not start with {\\rtf");

  const out: string[] = [];
  const warnings: string[] = [];
  const fontCodepages = new Map<number, number>();
  let documentCodepage = 1252;
  let defaultFont: number | null = null;
  let definingFont: number | null = null;
  let state: GroupState = { skip: false, hidden: false, inFontTable: false, unicodeSkip: 1, font: null };
  const stack: GroupState[] = [];
  let pendingBytes: number[] = [];
  let charsToSkip = 0;
  let groupJustOpened = false;
  let closedOuterGroup = false;

  const codepage = (): number => {
    const font = state.font ?? defaultFont;
    return (font !== null ? fontCodepages.get(font) : undefined) ?? documentCodepage;
  };
  const flushBytes = (): void => {
    if (pendingBytes.length === 0) return;
    out.push(decoderFor(codepage()).decode(Uint8Array.from(pendingBytes)));
    pendingBytes = [];
  };
  const visible = (): boolean => !state.skip && !state.hidden;
  const emit = (text: string): void => {
    if (!visible()) return;
    flushBytes();
    out.push(text);
  };
  /** After `\uN`, the next characters are the fallback for readers without Unicode: drop them. */
  const consumedBySkip = (): boolean => {
    if (charsToSkip === 0) return false;
    charsToSkip--;
    return true;
  };

  let i = start;
  const n = source.length;
  while (i < n && !closedOuterGroup) {
    const char = source.charAt(i);
    if (char === "{") {
      flushBytes();
      stack.push(state);
      state = { ...state };
      charsToSkip = 0;
      groupJustOpened = true;
      i++;
      continue;
    }
    if (char === "}") {
      flushBytes();
      const outer = stack.pop();
      if (!outer) throw new RtfSyntaxError("a group closes that was never opened");
      state = outer;
      charsToSkip = 0;
      groupJustOpened = false;
      if (stack.length === 0) closedOuterGroup = true;
      i++;
      continue;
    }
    const atGroupStart = groupJustOpened;
    groupJustOpened = false;
    if (char === "\\") {
      const next = source.charAt(i + 1);
      if (next === "'") {
        const byte = Number.parseInt(source.slice(i + 2, i + 4), 16);
        i += 4;
        if (Number.isNaN(byte) || consumedBySkip() || !visible()) continue;
        pendingBytes.push(byte);
        continue;
      }
      if (LETTER.test(next)) {
        let j = i + 1;
        while (j < n && j - i <= 32 && LETTER.test(source.charAt(j))) j++;
        const word = source.slice(i + 1, j);
        let numberEnd = j;
        if (source.charAt(numberEnd) === "-") numberEnd++;
        while (numberEnd < n && numberEnd - j <= 11 && DIGIT.test(source.charAt(numberEnd))) numberEnd++;
        const digits = source.slice(j, numberEnd);
        const parameter = digits === "" || digits === "-" ? null : Number.parseInt(digits, 10);
        i = digits === "-" ? j : numberEnd;
        if (source.charAt(i) === " ") i++;
        if (word === "bin") {
          i += Math.max(0, parameter ?? 0); // raw binary data follows: skip it unread
          continue;
        }
        if (word !== "u" && consumedBySkip()) continue;
        switch (word) {
          case "u":
            if (parameter !== null) {
              emit(String.fromCharCode(parameter < 0 ? parameter + 0x10000 : parameter));
              charsToSkip = state.unicodeSkip;
            }
            break;
          case "uc":
            state.unicodeSkip = Math.max(0, parameter ?? 1);
            break;
          case "ansicpg":
            if (parameter !== null) documentCodepage = parameter;
            break;
          case "mac":
            documentCodepage = 10000;
            break;
          case "pc":
            documentCodepage = 437;
            break;
          case "pca":
            documentCodepage = 850;
            break;
          case "deff":
            defaultFont = parameter;
            break;
          case "f":
            flushBytes();
            if (state.inFontTable) definingFont = parameter;
            state.font = parameter;
            break;
          case "fcharset": {
            const fontCodepage = CHARSET_CODEPAGES.get(parameter ?? 0);
            if (state.inFontTable && definingFont !== null && fontCodepage !== undefined) {
              fontCodepages.set(definingFont, fontCodepage);
            }
            break;
          }
          case "cpg":
            if (state.inFontTable && definingFont !== null && parameter !== null)
              fontCodepages.set(definingFont, parameter);
            break;
          case "v":
            flushBytes();
            state.hidden = parameter !== 0;
            break;
          case "fonttbl":
            state.skip = true;
            state.inFontTable = true;
            break;
          default: {
            const character = CHARACTER_WORDS.get(word);
            if (character !== undefined) emit(character);
            else if (SKIPPED_DESTINATIONS.has(word) && (atGroupStart || state.skip)) state.skip = true;
          }
        }
        continue;
      }
      // A control symbol: one non-letter character.
      i += 2;
      if (next === "*") {
        // An ignorable destination: we know none worth reading, so skip the whole group.
        state.skip = true;
        continue;
      }
      if (consumedBySkip()) continue;
      const symbol = CONTROL_SYMBOLS.get(next);
      if (symbol !== undefined) emit(symbol);
      continue;
    }
    i++;
    if (char === "\r" || char === "\n") continue; // line breaks in the source are not text
    if (consumedBySkip() || !visible()) continue;
    const code = char.charCodeAt(0);
    if (code >= 0x80) pendingBytes.push(code & 0xff);
    else emit(char === "\t" ? "\t" : char);
  }
  flushBytes();
  if (!closedOuterGroup)
    warnings.push("The RTF file ends before all its groups are closed; it may be truncated");
  return { text: tidy(out.join("")), warnings };
}

/** Trims line ends and collapses runs of blank lines that RTF paragraph marks leave behind. */
function tidy(text: string): string {
  return text
    .replace(/[ \t\u00A0]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
