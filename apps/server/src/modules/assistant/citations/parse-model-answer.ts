/**
 * Reads a model's answer in the format the prompt asks for (see docs/decisions, "assistant
 * citations"): the answer with `[n]` markers, then a `QUOTES:` block with one `[n] "quote"` line
 * per cited passage. Parsing is lenient about what models actually write: `[1, 2]`, `[Passage 1]`,
 * inline `[1: "quote"]`, bullets, curly quotes, a heading such as `**Sources:**`, or a JSON list.
 */
export interface ParsedModelAnswer {
  /** The answer with `[n]` markers, without the quotes block. */
  readonly body: string;
  /** Candidate quotes per marker number, in the order given. */
  readonly quotes: ReadonlyMap<number, readonly string[]>;
  /** The model said the passages do not answer the question. */
  readonly notFound: boolean;
}

/** What the prompt asks a model to answer when the passages do not say. */
export const notFoundSentinel = "NOT_FOUND";

const headerWords = "quotes?|supporting quotes?|citations?|sources?|references?|evidence";
const headerLine = new RegExp(
  `^\\s*(?:#{1,6}\\s*|[*_]{1,2})?(?:${headerWords})\\s*:?\\s*(?:[*_]{1,2})?\\s*:?\\s*$`,
  "i",
);
const quoteLine = /^\s*(?:[-*\u2022]\s*)?\[(\d+)\]\s*[:\-\u2013\u2014]?\s*(["\u201C\u201D'\u2018].*)$/;
const quotedText =
  /["\u201C\u201D]([^"\u201C\u201D]+)["\u201C\u201D]|(?:^|\s)['\u2018]([^'\u2018\u2019]+)['\u2019](?=\s|$|[.,;])/g;
const inlineQuote = /\[(\d+)\s*[:,]\s*["\u201C]([^"\u201C\u201D\]]+)["\u201D]\s*\]/g;

export function isTrailerHeader(line: string): boolean {
  return headerLine.test(line);
}

export function isQuoteLine(line: string): boolean {
  return quoteLine.test(line);
}

/** `[1, 2]`, `[1;2]`, `[Passage 1]`, `[Source 1]`, `【1】` → `[1][2]`, `[1]`. */
export function normalizeMarkers(text: string): string {
  return text
    .replace(/\u3010(\d+)\u3011/g, "[$1]")
    .replace(/\[(?:passage|source|doc(?:ument)?)\s*#?\s*(\d+)\]/gi, "[$1]")
    .replace(/\[(\d+(?:\s*[,;]\s*\d+)+)\]/g, (_, list: string) =>
      list
        .split(/[,;]/)
        .map((n) => `[${n.trim()}]`)
        .join(""),
    );
}

export function parseModelAnswer(raw: string): ParsedModelAnswer {
  const text = normalizeMarkers(raw.replace(/\r\n?/g, "\n")).trim();
  if (text.startsWith(notFoundSentinel)) return { body: "", quotes: new Map(), notFound: true };
  const quotes = new Map<number, string[]>();
  const add = (n: number, quote: string) => {
    const cleaned = quote.trim();
    if (cleaned.length === 0) return;
    const list = quotes.get(n) ?? [];
    list.push(cleaned);
    quotes.set(n, list);
  };
  const lines = text.split("\n");
  const trailerAt = trailerStart(lines);
  const bodyLines = lines.slice(0, trailerAt);
  const trailer = lines.slice(trailerAt);
  for (const line of trailer) readQuoteLine(line, add);
  if (quotes.size === 0 && trailer.length > 0) readJsonQuotes(trailer.join("\n"), add);
  const body = bodyLines
    .join("\n")
    .replace(inlineQuote, (_, n: string, quote: string) => {
      add(Number(n), quote);
      return `[${n}]`;
    })
    .replace(/```(?:json)?\s*$/i, "")
    .trim();
  return { body, quotes, notFound: quotes.size === 0 && text.includes(notFoundSentinel) };
}

/** The first line of the quotes block: a header, or the first of the quote lines that end the text. */
function trailerStart(lines: readonly string[]): number {
  const header = lines.findIndex((line) => isTrailerHeader(line));
  if (header >= 0) return header;
  let start = lines.length;
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const line = lines[i] as string;
    if (line.trim() === "" || isQuoteLine(line) || /^\s*```/.test(line)) {
      start = i;
      continue;
    }
    break;
  }
  // Only blank lines at the end are no quotes block.
  return lines.slice(start).some((line) => isQuoteLine(line)) ? start : lines.length;
}

function readQuoteLine(line: string, add: (n: number, quote: string) => void): void {
  const match = /^\s*(?:[-*\u2022]\s*)?\[(\d+)\]\s*[:\-\u2013\u2014]?\s*(.*)$/.exec(line);
  if (!match) return;
  const n = Number(match[1]);
  const rest = match[2] ?? "";
  const quoted = [...rest.matchAll(quotedText)].map((m) => m[1] ?? m[2] ?? "");
  if (quoted.length > 0) for (const quote of quoted) add(n, quote);
  else add(n, rest.replace(/^["'\u201C\u2018]|["'\u201D\u2019]$/g, ""));
}

/** A JSON quotes block: `[{"n": 1, "quote": "…"}]` or `{"citations": [...]}`. */
function readJsonQuotes(text: string, add: (n: number, quote: string) => void): void {
  const start = text.search(/[[{]/);
  const end = Math.max(text.lastIndexOf("]"), text.lastIndexOf("}"));
  if (start < 0 || end <= start) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(start, end + 1));
  } catch {
    return;
  }
  const items = Array.isArray(parsed)
    ? parsed
    : Object.values((parsed ?? {}) as Record<string, unknown>).find(Array.isArray);
  if (!Array.isArray(items)) return;
  for (const item of items) {
    if (!item || typeof item !== "object") continue;
    const fields = item as Record<string, unknown>;
    const n = Number(fields.n ?? fields.index ?? fields.marker ?? fields.passage ?? fields.id);
    const quote = fields.quote ?? fields.text;
    if (Number.isInteger(n) && typeof quote === "string") add(n, quote);
  }
}
