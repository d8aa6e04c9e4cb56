import { describe, expect, it } from "vitest";
import type { FilterInput, FilterNode } from "./filter-node.js";
import { parseFilter } from "./parse-filter.js";

const leaf = (field: string, operator: string, value: unknown): FilterNode =>
  ({ kind: "leaf", field, operator, value }) as FilterNode;

describe("dict form", () => {
  it("ANDs keys, reads scalars as eq and lists as in", () => {
    expect(parseFilter({ type: "pdf", year: 2020, draft: false, deleted: null })).toEqual({
      kind: "and",
      children: [
        leaf("type", "eq", "pdf"),
        leaf("year", "eq", 2020),
        leaf("draft", "eq", false),
        leaf("deleted", "eq", null),
      ],
    });
    expect(parseFilter({ document_type: ["pdf", "docx"] })).toEqual(
      leaf("document_type", "in", ["pdf", "docx"]),
    );
  });

  it("reads operator sub-dicts, with or without $, ANDed", () => {
    expect(parseFilter({ publication_year: { gte: 2020 } })).toEqual(leaf("publication_year", "gte", 2020));
    expect(parseFilter({ year: { $gte: 2020, $lt: 2030 } })).toEqual({
      kind: "and",
      children: [leaf("year", "gte", 2020), leaf("year", "lt", 2030)],
    });
    expect(parseFilter({ tags: { $in: ["a"] }, x: { $nin: [1] }, y: { $eq: 1 }, z: { $ne: 2 } })).toEqual({
      kind: "and",
      children: [leaf("tags", "in", ["a"]), leaf("x", "nin", [1]), leaf("y", "eq", 1), leaf("z", "ne", 2)],
    });
  });

  it("reads Mongo $and, $or, $nor and both kinds of $not", () => {
    expect(parseFilter({ $and: [{ a: 1 }, { $or: [{ b: 2 }, { c: 3 }] }] })).toEqual({
      kind: "and",
      children: [leaf("a", "eq", 1), { kind: "or", children: [leaf("b", "eq", 2), leaf("c", "eq", 3)] }],
    });
    expect(parseFilter({ $not: { a: 1 } })).toEqual({ kind: "not", child: leaf("a", "eq", 1) });
    expect(parseFilter({ a: { $not: { $gt: 5 } } })).toEqual({ kind: "not", child: leaf("a", "gt", 5) });
    expect(parseFilter({ $nor: [{ a: 1 }, { b: 2 }] })).toEqual({
      kind: "not",
      child: { kind: "or", children: [leaf("a", "eq", 1), leaf("b", "eq", 2)] },
    });
  });

  it("reads expression trees of AND/OR/NOT over {field, operator, value}", () => {
    expect(
      parseFilter({
        AND: [
          { field: "year", operator: "gte", value: 2020 },
          {
            NOT: {
              OR: [
                { field: "type", operator: "in", value: ["a", "b"] },
                { field: "x", operator: "exists" },
              ],
            },
          },
        ],
      }),
    ).toEqual({
      kind: "and",
      children: [
        leaf("year", "gte", 2020),
        {
          kind: "not",
          child: { kind: "or", children: [leaf("type", "in", ["a", "b"]), leaf("x", "exists", true)] },
        },
      ],
    });
    expect(parseFilter({ field: "a", operator: ">=", value: 1 })).toEqual(leaf("a", "gte", 1));
  });

  it("reads an empty dict as no condition", () => {
    expect(parseFilter({})).toEqual({ kind: "and", children: [] });
  });
});

describe("SQL-like form", () => {
  it("parses the spec's example", () => {
    expect(parseFilter("document_type = 'pdf' AND page_number BETWEEN 1 AND 10 AND language = 'en'")).toEqual(
      {
        kind: "and",
        children: [
          leaf("document_type", "eq", "pdf"),
          { kind: "and", children: [leaf("page_number", "gte", 1), leaf("page_number", "lte", 10)] },
          leaf("language", "eq", "en"),
        ],
      },
    );
  });

  it("binds NOT tighter than AND, and AND tighter than OR", () => {
    expect(parseFilter("a = 1 OR NOT b = 2 AND c = 3")).toEqual({
      kind: "or",
      children: [
        leaf("a", "eq", 1),
        { kind: "and", children: [{ kind: "not", child: leaf("b", "eq", 2) }, leaf("c", "eq", 3)] },
      ],
    });
    expect(parseFilter("(a = 1 OR b = 2) AND c = 3")).toEqual({
      kind: "and",
      children: [{ kind: "or", children: [leaf("a", "eq", 1), leaf("b", "eq", 2)] }, leaf("c", "eq", 3)],
    });
  });

  it.each([
    ["a = 1", leaf("a", "eq", 1)],
    ["a != 1", leaf("a", "ne", 1)],
    ["a <> 1", leaf("a", "ne", 1)],
    ["a > -1.5", leaf("a", "gt", -1.5)],
    ["a >= 2e3", leaf("a", "gte", 2000)],
    ["a < .5", leaf("a", "lt", 0.5)],
    ["a <= 0", leaf("a", "lte", 0)],
    ["a in ('x', 2, TRUE)", leaf("a", "in", ["x", 2, true])],
    ["a NOT IN (1)", { kind: "not", child: leaf("a", "in", [1]) }],
    [
      "a NOT BETWEEN 1 AND 2",
      { kind: "not", child: { kind: "and", children: [leaf("a", "gte", 1), leaf("a", "lte", 2)] } },
    ],
    ["a LIKE '%p%'", leaf("a", "contains", "p")],
    ["a LIKE 'p%'", leaf("a", "startswith", "p")],
    ["a LIKE '%p'", leaf("a", "endswith", "p")],
    ["a LIKE 'p'", leaf("a", "eq", "p")],
    ["a LIKE 'p_q%'", leaf("a", "like", "p_q%")],
    ["a LIKE '%'", leaf("a", "like", "%")],
    ["a NOT LIKE 'p%'", { kind: "not", child: leaf("a", "startswith", "p") }],
    ["a IS NULL", leaf("a", "eq", null)],
    ["a is not null", leaf("a", "ne", null)],
    ["a = false", leaf("a", "eq", false)],
    ["a = 'it''s'", leaf("a", "eq", "it's")],
    ['"my-field" = 1', leaf("my-field", "eq", 1)],
    ["meta.author.name = 'Ann'", leaf("meta.author.name", "eq", "Ann")],
  ])("%s", (text, expected) => {
    expect(parseFilter(text)).toEqual(expected);
  });
});

describe("malformed filters", () => {
  const invalid = (input: unknown, message: RegExp) => {
    expect(() => parseFilter(input as FilterInput)).toThrow(
      expect.objectContaining({ code: "INVALID_SEARCH_PARAMS", message: expect.stringMatching(message) }),
    );
  };

  it("rejects unknown operators", () => {
    invalid({ year: { $regex: "x" } }, /unknown operator '\$regex' on field 'year'/);
    invalid({ field: "year", operator: "approx", value: 1 }, /unknown operator 'approx'/);
    invalid({ $where: "1" }, /unknown top-level operator '\$where'/);
  });

  it.each([
    ["a = ", /expected a value, found the end/],
    ["a == 1", /expected a value, found '='/],
    ["a 1", /expected an operator after field 'a'/],
    ["= 1", /expected a field name/],
    ["a = 1 AND", /expected a field name, found the end/],
    ["a = 1 b = 2", /unexpected 'b' at character 7/],
    ["a = NULL", /IS NULL/],
    ["a IS 1", /expected NULL after IS/],
    ["a BETWEEN 1 OR 2", /expected AND after BETWEEN/],
    ["a IN 1", /IN takes a parenthesised list/],
    ["a IN ()", /expected a value/],
    ["a IN (1 2)", /expected ',' or '\)'/],
    ["a LIKE 5", /LIKE takes a quoted pattern/],
    ["a LIKE 'x\\'", /must not end with an escape character/],
    ["a = 'open", /unterminated string starting at character 5/],
    ["a = 1; DROP TABLE x", /unexpected character ';'/],
    ["a = 12abc", /malformed number/],
    ["a = 1e999", /non-finite number/],
    ["", /empty/],
    ["   ", /empty/],
  ])("rejects the SQL string %j", (text, message) => {
    invalid(text, message);
  });

  it("rejects unbalanced parentheses", () => {
    invalid("(a = 1", /unbalanced parentheses: expected '\)' for '\(' at character 1/);
    invalid("a = 1)", /unbalanced parentheses: unexpected '\)'/);
    invalid("((a = 1) OR b = 2", /unbalanced parentheses/);
  });

  it("rejects values that do not suit the operator", () => {
    invalid({ type: { in: "pdf" } }, /operator 'in' on field 'type' takes an array, not a string/);
    invalid({ field: "type", operator: "nin", value: 3 }, /takes an array/);
    invalid({ type: { in: [{}] } }, /strings, numbers or booleans/);
    invalid({ type: { in: Array.from({ length: 1001 }, (_, i) => i) } }, /at most 1000 values/);
    invalid({ year: { gt: true } }, /a number or string/);
    invalid({ year: { gt: null } }, /a number or string/);
    invalid({ year: { exists: "yes" } }, /true or false/);
    invalid({ year: { startswith: 1 } }, /a string/);
    invalid({ year: Number.NaN }, /non-finite/);
    invalid({ year: {} }, /operator object of field 'year' is empty/);
    invalid({ field: "year", operator: "eq" }, /needs a value/);
    invalid({ field: "year", operator: "eq", value: 1, extra: 2 }, /unexpected key 'extra'/);
  });

  it("rejects malformed logical nodes and inputs", () => {
    invalid({ AND: [] }, /non-empty array/);
    invalid({ $or: { a: 1 } }, /non-empty array/);
    invalid({ OR: [1] }, /must be a filter object/);
    invalid({ NOT: [{ a: 1 }] }, /takes one filter object/);
    invalid(["a"], /object or an SQL-like string/);
    invalid(42, /object or an SQL-like string/);
    invalid(null, /object or an SQL-like string/);
  });

  it("rejects bad field names", () => {
    invalid({ "1abc": 1 }, /field name '1abc'/);
    invalid({ "a..b": 1 }, /field name/);
    invalid({ "a b": 1 }, /field name/);
    invalid({ ["x".repeat(65)]: 1 }, /at most 64 characters/);
    invalid('"" = 1', /non-empty/);
  });

  it("rejects filters nested too deep or too large", () => {
    let deep: Record<string, unknown> = { a: 1 };
    for (let level = 0; level < 11; level += 1) deep = { $not: deep };
    invalid(deep, /nesting exceeds the limit of 10 levels/);
    invalid(`${"NOT ".repeat(11)}a = 1`, /nesting exceeds the limit of 10 levels/);
    invalid(`${"(".repeat(4000)}a = 1${")".repeat(4000)}`, /nesting exceeds/);
    let hostile: Record<string, unknown> = { a: 1 };
    for (let level = 0; level < 20_000; level += 1) hostile = { OR: [hostile] };
    invalid(hostile, /nesting exceeds/);
    invalid(
      Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`f${i}`, i])),
      /at most 256 conditions/,
    );
    invalid(`a = '${"x".repeat(10_001)}'`, /at most 10000 characters/);
  });

  it("accepts nesting up to the limit", () => {
    let deep: Record<string, unknown> = { a: 1 };
    for (let level = 0; level < 10; level += 1) deep = { $not: deep };
    expect(() => parseFilter(deep)).not.toThrow();
  });
});
