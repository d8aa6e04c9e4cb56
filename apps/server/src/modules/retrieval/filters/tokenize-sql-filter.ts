import { filterLimits } from "./filter-node.js";
import { invalidFilter } from "./invalid-filter.js";

export const sqlFilterKeywords = [
  "AND",
  "OR",
  "NOT",
  "BETWEEN",
  "IN",
  "LIKE",
  "IS",
  "NULL",
  "TRUE",
  "FALSE",
] as const;
export type SqlFilterKeyword = (typeof sqlFilterKeywords)[number];
export type SqlComparison = "=" | "!=" | "<>" | ">" | ">=" | "<" | "<=";

/** `at` is the 1-based character position, for error messages. */
export type SqlFilterToken =
  | { type: "identifier"; name: string; at: number }
  | { type: "keyword"; word: SqlFilterKeyword; at: number }
  | { type: "string"; value: string; at: number }
  | { type: "number"; value: number; at: number }
  | { type: "comparison"; operator: SqlComparison; at: number }
  | { type: "punctuation"; char: "(" | ")" | ","; at: number }
  | { type: "end"; at: number };

const bareIdentifier = /[A-Za-z_][A-Za-z0-9_.]*/y;
const numberLiteral = /-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/y;
const comparison = /!=|<>|>=|<=|=|>|</y;
const whitespace = /\s+/y;
const identifierChar = /[A-Za-z0-9_.]/;

function matchAt(pattern: RegExp, text: string, index: number): string | undefined {
  pattern.lastIndex = index;
  return pattern.exec(text)?.[0];
}

/** A quoted run (`'it''s'`, `"my field"`): the doubled quote is the only escape, as in SQL. */
function readQuoted(text: string, start: number, quote: "'" | '"'): { value: string; end: number } {
  let value = "";
  let index = start + 1;
  for (;;) {
    const next = text.indexOf(quote, index);
    if (next < 0) {
      const what = quote === "'" ? "string" : "quoted field name";
      throw invalidFilter(`unterminated ${what} starting at character ${start + 1}`);
    }
    value += text.slice(index, next);
    if (text[next + 1] !== quote) return { value, end: next + 1 };
    value += quote;
    index = next + 2;
  }
}

function keywordOf(word: string): SqlFilterKeyword | undefined {
  const upper = word.toUpperCase();
  return (sqlFilterKeywords as readonly string[]).includes(upper) ? (upper as SqlFilterKeyword) : undefined;
}

/** Splits an SQL-like filter (spec §5.3 form 3) into tokens; nothing of it is ever sent to the database as SQL. */
export function tokenizeSqlFilter(text: string): SqlFilterToken[] {
  if (text.length > filterLimits.maxTextLength) {
    throw invalidFilter(`an SQL-like filter may hold at most ${filterLimits.maxTextLength} characters`);
  }
  const tokens: SqlFilterToken[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? "";
    const at = index + 1;
    const space = matchAt(whitespace, text, index);
    if (space) {
      index += space.length;
      continue;
    }
    if (char === "'" || char === '"') {
      const quoted = readQuoted(text, index, char);
      tokens.push(
        char === "'"
          ? { type: "string", value: quoted.value, at }
          : { type: "identifier", name: quoted.value, at },
      );
      index = quoted.end;
      continue;
    }
    if (char === "(" || char === ")" || char === ",") {
      tokens.push({ type: "punctuation", char, at });
      index += 1;
      continue;
    }
    const operator = matchAt(comparison, text, index);
    if (operator) {
      tokens.push({ type: "comparison", operator: operator as SqlComparison, at });
      index += operator.length;
      continue;
    }
    const number = matchAt(numberLiteral, text, index);
    if (number) {
      if (identifierChar.test(text[index + number.length] ?? "")) {
        throw invalidFilter(`malformed number at character ${at}`);
      }
      tokens.push({ type: "number", value: Number(number), at });
      index += number.length;
      continue;
    }
    const word = matchAt(bareIdentifier, text, index);
    if (word) {
      const keyword = keywordOf(word);
      tokens.push(keyword ? { type: "keyword", word: keyword, at } : { type: "identifier", name: word, at });
      index += word.length;
      continue;
    }
    throw invalidFilter(`unexpected character '${char}' at character ${at}`);
  }
  tokens.push({ type: "end", at: text.length + 1 });
  return tokens;
}
