import { assertNever } from "../../../platform/errors/index.js";
import { filterLeaf } from "./filter-leaf.js";
import { type FilterNode, filterLimits } from "./filter-node.js";
import { invalidFilter } from "./invalid-filter.js";
import { combine } from "./parse-dict-filter.js";
import {
  type SqlComparison,
  type SqlFilterKeyword,
  type SqlFilterToken,
  tokenizeSqlFilter,
} from "./tokenize-sql-filter.js";

const comparisonOperators = {
  "=": "eq",
  "!=": "ne",
  "<>": "ne",
  ">": "gt",
  ">=": "gte",
  "<": "lt",
  "<=": "lte",
} as const satisfies Record<SqlComparison, string>;

function describeToken(token: SqlFilterToken): string {
  switch (token.type) {
    case "identifier":
      return `'${token.name}'`;
    case "keyword":
      return token.word;
    case "string":
      return "a string";
    case "number":
      return `${token.value}`;
    case "comparison":
      return `'${token.operator}'`;
    case "punctuation":
      return `'${token.char}'`;
    case "end":
      return "the end of the filter";
    default:
      return assertNever(token);
  }
}

const isKeyword = (token: SqlFilterToken, word: SqlFilterKeyword): boolean =>
  token.type === "keyword" && token.word === word;

/**
 * A LIKE pattern as the plainest operator that means the same: `'%p%'` contains, `'p%'` startswith,
 * `'%p'` endswith, no wildcard eq; anything else (inner `%`/`_`, escapes) stays a LIKE.
 */
function likeNode(field: string, pattern: string): FilterNode {
  const leading = pattern.startsWith("%");
  const trailing = pattern.length > 1 && pattern.endsWith("%");
  const core = pattern.slice(leading ? 1 : 0, trailing ? -1 : undefined);
  if (core.length === 0 || /[%_\\]/.test(core)) return filterLeaf(field, "like", pattern);
  if (leading && trailing) return filterLeaf(field, "contains", core);
  if (leading) return filterLeaf(field, "endswith", core);
  if (trailing) return filterLeaf(field, "startswith", core);
  return filterLeaf(field, "eq", core);
}

/** A recursive-descent parser over the tokens: OR binds loosest, then AND, then NOT. */
class SqlFilterParser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly SqlFilterToken[]) {}

  parse(): FilterNode {
    const node = this.parseOr();
    const rest = this.peek();
    if (rest.type !== "end") {
      const hint = rest.type === "punctuation" && rest.char === ")" ? "unbalanced parentheses: " : "";
      throw invalidFilter(`${hint}unexpected ${describeToken(rest)} at character ${rest.at}`);
    }
    return node;
  }

  private peek(): SqlFilterToken {
    return this.tokens[this.index] ?? { type: "end", at: 0 };
  }

  private next(): SqlFilterToken {
    const token = this.peek();
    if (token.type !== "end") this.index += 1;
    return token;
  }

  private expectKeyword(word: SqlFilterKeyword, after: string): void {
    const token = this.next();
    if (!isKeyword(token, word)) {
      throw invalidFilter(
        `expected ${word} after ${after}, found ${describeToken(token)} at character ${token.at}`,
      );
    }
  }

  private nested<T>(parse: () => T): T {
    this.depth += 1;
    if (this.depth > filterLimits.maxDepth) {
      throw invalidFilter(`nesting exceeds the limit of ${filterLimits.maxDepth} levels`);
    }
    const result = parse();
    this.depth -= 1;
    return result;
  }

  private parseOr(): FilterNode {
    const children = [this.parseAnd()];
    while (isKeyword(this.peek(), "OR")) {
      this.next();
      children.push(this.parseAnd());
    }
    return combine("or", children);
  }

  private parseAnd(): FilterNode {
    const children = [this.parseNot()];
    while (isKeyword(this.peek(), "AND")) {
      this.next();
      children.push(this.parseNot());
    }
    return combine("and", children);
  }

  private parseNot(): FilterNode {
    if (!isKeyword(this.peek(), "NOT")) return this.parsePrimary();
    this.next();
    return this.nested(() => ({ kind: "not", child: this.parseNot() }));
  }

  private parsePrimary(): FilterNode {
    const token = this.peek();
    if (token.type === "punctuation" && token.char === "(") {
      this.next();
      const inner = this.nested(() => this.parseOr());
      const close = this.next();
      if (close.type !== "punctuation" || close.char !== ")") {
        throw invalidFilter(
          `unbalanced parentheses: expected ')' for '(' at character ${token.at}, found ${describeToken(close)}`,
        );
      }
      return inner;
    }
    if (token.type !== "identifier") {
      throw invalidFilter(`expected a field name, found ${describeToken(token)} at character ${token.at}`);
    }
    this.next();
    return this.parsePredicate(token.name);
  }

  private parsePredicate(field: string): FilterNode {
    const token = this.next();
    if (token.type === "comparison")
      return filterLeaf(field, comparisonOperators[token.operator], this.parseValue());
    if (isKeyword(token, "IS")) {
      const negated = isKeyword(this.peek(), "NOT");
      if (negated) this.next();
      this.expectKeyword("NULL", negated ? "IS NOT" : "IS");
      return filterLeaf(field, negated ? "ne" : "eq", null);
    }
    const negated = isKeyword(token, "NOT");
    const operator = negated ? this.next() : token;
    const node = this.parseKeywordPredicate(field, operator);
    return negated ? { kind: "not", child: node } : node;
  }

  private parseKeywordPredicate(field: string, token: SqlFilterToken): FilterNode {
    if (isKeyword(token, "BETWEEN")) {
      const low = this.parseValue();
      this.expectKeyword("AND", `BETWEEN's first value`);
      const high = this.parseValue();
      return { kind: "and", children: [filterLeaf(field, "gte", low), filterLeaf(field, "lte", high)] };
    }
    if (isKeyword(token, "IN")) return filterLeaf(field, "in", this.parseList());
    if (isKeyword(token, "LIKE")) {
      const pattern = this.next();
      if (pattern.type !== "string") {
        throw invalidFilter(
          `LIKE takes a quoted pattern, found ${describeToken(pattern)} at character ${pattern.at}`,
        );
      }
      return likeNode(field, pattern.value);
    }
    throw invalidFilter(
      `expected an operator after field '${field}', found ${describeToken(token)} at character ${token.at}`,
    );
  }

  private parseList(): unknown[] {
    const open = this.next();
    if (open.type !== "punctuation" || open.char !== "(") {
      throw invalidFilter(
        `IN takes a parenthesised list, found ${describeToken(open)} at character ${open.at}`,
      );
    }
    const values = [this.parseValue()];
    for (;;) {
      const token = this.next();
      if (token.type === "punctuation" && token.char === ")") return values;
      if (token.type !== "punctuation" || token.char !== ",") {
        throw invalidFilter(
          `expected ',' or ')' in an IN list, found ${describeToken(token)} at character ${token.at}`,
        );
      }
      values.push(this.parseValue());
    }
  }

  private parseValue(): unknown {
    const token = this.next();
    if (token.type === "string" || token.type === "number") return token.value;
    if (isKeyword(token, "TRUE")) return true;
    if (isKeyword(token, "FALSE")) return false;
    if (isKeyword(token, "NULL")) {
      throw invalidFilter(`compare with NULL using IS NULL or IS NOT NULL (character ${token.at})`);
    }
    throw invalidFilter(`expected a value, found ${describeToken(token)} at character ${token.at}`);
  }
}

/** The SQL-like form of spec §5.3, e.g. `document_type = 'pdf' AND page_number BETWEEN 1 AND 10`. */
export function parseSqlFilter(text: string): FilterNode {
  const tokens = tokenizeSqlFilter(text);
  if (tokens.length === 1) throw invalidFilter("the filter string is empty");
  return new SqlFilterParser(tokens).parse();
}
