import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../../../platform/sql/port.js";
import { openTestSql, testAppRole } from "../../../testing/test-sql.js";
import { compileFilter } from "./compile-filter.js";
import type { FilterColumn, FilterInput, FilterNode } from "./filter-node.js";
import { isIsoDate, isIsoDateSql, timestampSql } from "./iso-date.js";
import { isoDateCandidates } from "./iso-date-cases.js";
import { parseFilter } from "./parse-filter.js";

// A scratch table shaped like dataset_vectors: metadata jsonb plus a few promoted, typed columns.
const columns: Record<string, FilterColumn> = {
  language: { sql: "v.language", type: "text" },
  page_number: { sql: "v.page_number", type: "integer" },
  published_at: { sql: "v.published_at", type: "timestamptz" },
  document_id: { sql: "v.document_id", type: "uuid" },
};

const rows = [
  {
    id: "r1",
    metadata: {
      type: "pdf",
      year: 2019,
      title: "Alpha report",
      tags: ["ai", "ml"],
      author: { name: "Ann" },
      date: "2024-01-15T10:00:00Z",
    },
    language: "en",
    page_number: 1,
    published_at: "2024-01-01T00:00:00Z",
    document_id: "a0000000-0000-4000-8000-000000000001",
  },
  {
    id: "r2",
    metadata: {
      type: "docx",
      year: 2021,
      title: "Beta notes",
      tags: ["db", "ml"],
      author: { name: "Bob" },
      date: "2024-03-01",
      draft: true,
    },
    language: "fr",
    page_number: 10,
    published_at: "2024-06-01T00:00:00Z",
    document_id: "a0000000-0000-4000-8000-000000000002",
  },
  {
    // year is a string, date is not a real day, language in metadata overrides the column.
    id: "r3",
    metadata: { type: "pdf", year: "2022", title: "gamma", tags: [], language: "de", date: "2024-02-30" },
    language: "en",
    page_number: 11,
    published_at: null,
    document_id: null,
  },
  { id: "r4", metadata: {}, language: null, page_number: null, published_at: null, document_id: null },
  {
    id: "r5",
    metadata: { type: null, year: 2020, title: "Alpha beta", draft: false },
    language: "en",
    page_number: 5,
    published_at: "2023-12-31T23:00:00-02:00",
    document_id: "a0000000-0000-4000-8000-000000000005",
  },
];
const allIds = rows.map((row) => row.id);

let sql: Sql;

beforeAll(async () => {
  sql = await openTestSql();
  await sql.query(`CREATE TABLE filter_scratch (
    id text PRIMARY KEY, metadata jsonb NOT NULL, language text, page_number integer,
    published_at timestamptz, document_id uuid)`);
  await sql.query(`GRANT SELECT ON filter_scratch TO ${testAppRole}`);
  for (const row of rows) {
    await sql.query("INSERT INTO filter_scratch VALUES ($1, $2, $3, $4, $5, $6)", [
      row.id,
      JSON.stringify(row.metadata),
      row.language,
      row.page_number,
      row.published_at,
      row.document_id,
    ]);
  }
});

afterAll(async () => {
  await sql?.close();
});

async function matchingNode(node: FilterNode): Promise<string[]> {
  const params: unknown[] = [];
  const where = compileFilter(node, columns, params);
  const found = await sql.query<{ id: string }>(
    `SELECT id FROM filter_scratch v WHERE ${where} ORDER BY id`,
    params,
  );
  return found.map((row) => row.id);
}

const matching = (filter: FilterInput) => matchingNode(parseFilter(filter));

describe("the twelve operators", () => {
  it("eq: exact match on metadata, never across types, and on a column", async () => {
    expect(await matching({ type: "pdf" })).toEqual(["r1", "r3"]);
    expect(await matching({ year: 2019 })).toEqual(["r1"]);
    expect(await matching({ year: 2022 })).toEqual([]);
    expect(await matching({ year: "2022" })).toEqual(["r3"]);
    expect(await matching({ page_number: 10 })).toEqual(["r2"]);
    expect(await matching("draft = true")).toEqual(["r2"]);
  });

  it("ne: a missing or null field is not equal", async () => {
    expect(await matching({ type: { ne: "pdf" } })).toEqual(["r2", "r4", "r5"]);
  });

  it("gt", async () => {
    expect(await matching({ year: { gt: 2019 } })).toEqual(["r2", "r5"]);
  });

  it("gte", async () => {
    expect(await matching({ page_number: { gte: 10 } })).toEqual(["r2", "r3"]);
  });

  it("lt", async () => {
    expect(await matching({ year: { $lt: 2021 } })).toEqual(["r1", "r5"]);
  });

  it("lte", async () => {
    expect(await matching("page_number <= 5")).toEqual(["r1", "r5"]);
  });

  it("in: a list value is membership", async () => {
    expect(await matching({ type: ["pdf", "docx"] })).toEqual(["r1", "r2", "r3"]);
    expect(await matching({ type: { in: [] } })).toEqual([]);
  });

  it("nin: missing and null fields are not in the list", async () => {
    expect(await matching({ type: { nin: ["pdf"] } })).toEqual(["r2", "r4", "r5"]);
  });

  it("contains: substring of a string, element of an array", async () => {
    expect(await matching({ title: { contains: "Alpha" } })).toEqual(["r1", "r5"]);
    expect(await matching({ tags: { contains: "ml" } })).toEqual(["r1", "r2"]);
  });

  it("startswith", async () => {
    expect(await matching({ title: { startswith: "Be" } })).toEqual(["r2"]);
  });

  it("endswith", async () => {
    expect(await matching({ title: { endswith: "notes" } })).toEqual(["r2"]);
  });

  it("exists: false as well as true counts as present", async () => {
    expect(await matching({ draft: { exists: true } })).toEqual(["r2", "r5"]);
    expect(await matching({ draft: { $exists: false } })).toEqual(["r1", "r3", "r4"]);
  });

  it("LIKE with inner wildcards", async () => {
    expect(await matching("title LIKE 'A_pha%'")).toEqual(["r1", "r5"]);
    expect(await matching("title NOT LIKE '%ph%'")).toEqual(["r2", "r3", "r4"]);
  });
});

describe("requirement 15 and G41", () => {
  it("BETWEEN 1 AND 10 matches 1 and 10, not 11", async () => {
    expect(await matching("page_number BETWEEN 1 AND 10")).toEqual(["r1", "r2", "r5"]);
  });

  it("$in on an array field matches on overlap", async () => {
    expect(await matching({ tags: { $in: ["db", "zz"] } })).toEqual(["r2"]);
    expect(await matching({ tags: { $in: ["ml"] } })).toEqual(["r1", "r2"]);
  });

  it("treats type mismatches as false, not errors", async () => {
    expect(await matching({ year: { gt: "2000" } })).toEqual(["r3"]);
    expect(await matching({ title: { gt: 5 } })).toEqual([]);
    expect(await matching({ page_number: { gt: "3" } })).toEqual([]);
    expect(await matching({ language: { lt: 3 } })).toEqual([]);
    expect(await matching({ tags: { startswith: "a" } })).toEqual([]);
    expect(await matching({ published_at: { gt: "yesterday" } })).toEqual([]);
  });

  it("treats missing fields as false, except exists:false, ne, nin and IS NULL", async () => {
    expect(await matching({ nope: "x" })).toEqual([]);
    expect(await matching({ nope: { gt: 1 } })).toEqual([]);
    expect(await matching({ nope: { contains: "x" } })).toEqual([]);
    expect(await matching("nope IS NOT NULL")).toEqual([]);
    expect(await matching({ nope: { exists: false } })).toEqual(allIds);
    expect(await matching({ nope: { ne: 1 } })).toEqual(allIds);
    expect(await matching({ nope: { nin: [1] } })).toEqual(allIds);
    expect(await matching("nope IS NULL")).toEqual(allIds);
    expect(await matching("type IS NULL")).toEqual(["r4", "r5"]);
  });

  it("looks in metadata first, then the column", async () => {
    expect(await matching({ language: "de" })).toEqual(["r3"]);
    expect(await matching({ language: "en" })).toEqual(["r1", "r5"]);
    expect(await matching("language IS NULL")).toEqual(["r4"]);
  });

  it("addresses nested metadata with dotted paths", async () => {
    expect(await matching({ "author.name": "Bob" })).toEqual(["r2"]);
    expect(await matching("tags.0 = 'db'")).toEqual(["r2"]);
  });

  it("compares ISO dates as timestamps, and a stored non-date never raises", async () => {
    expect(await matching({ date: "2024-01-15T11:00:00+01:00" })).toEqual(["r1"]);
    expect(await matching({ date: { lt: "2024-01-15T11:00:00+01:00" } })).toEqual([]);
    expect(await matching({ date: { gte: "2024-02-01" } })).toEqual(["r2", "r3"]);
    expect(await matching({ published_at: { gte: "2024-01-01" } })).toEqual(["r1", "r2", "r5"]);
    expect(await matching({ published_at: { lt: "2024-01-01T00:30:00Z" } })).toEqual(["r1"]);
    expect(await matching({ published_at: ["2024-06-01T02:00:00+02:00"] })).toEqual(["r2"]);
  });

  it("matches uuid columns in any case", async () => {
    expect(await matching({ document_id: "A0000000-0000-4000-8000-000000000001" })).toEqual(["r1"]);
  });

  it("nests AND/OR/NOT three deep in every form", async () => {
    expect(
      await matching(
        "(type = 'pdf' AND NOT (year < 2019 OR language = 'de')) OR (title LIKE 'Beta%' AND NOT draft = false)",
      ),
    ).toEqual(["r1", "r2"]);
    expect(
      await matching({
        OR: [
          {
            AND: [
              { field: "type", operator: "eq", value: "pdf" },
              {
                NOT: {
                  OR: [
                    { field: "year", operator: "lt", value: 2019 },
                    { field: "language", operator: "eq", value: "de" },
                  ],
                },
              },
            ],
          },
          { AND: [{ field: "title", operator: "startswith", value: "Beta" }, { NOT: { draft: false } }] },
        ],
      }),
    ).toEqual(["r1", "r2"]);
    expect(
      await matching({
        $or: [
          { type: "pdf", $not: { $or: [{ year: { $lt: 2019 } }, { language: "de" }] } },
          { title: { $startswith: "Beta" }, draft: { $not: { $eq: false } } },
        ],
      }),
    ).toEqual(["r1", "r2"]);
  });

  it("filters nothing out with an empty dict", async () => {
    expect(await matching({})).toEqual(allIds);
  });
});

describe("injection", () => {
  it("keeps hostile values inert", async () => {
    expect(await matching({ type: "pdf'; DROP TABLE filter_scratch; --" })).toEqual([]);
    expect(await matching("type = 'x'' OR ''1''=''1'")).toEqual([]);
    expect(await matching({ title: { like: "%'; SELECT 1; --%" } })).toEqual([]);
    expect(await matching({ type: "pdf" })).toEqual(["r1", "r3"]);
  });

  it("rejects hostile field names and never splices a field name into the SQL", async () => {
    expect(() => parseFilter({ "type = 'pdf' OR 1=1 --": 1 })).toThrow(
      expect.objectContaining({ code: "INVALID_SEARCH_PARAMS" }),
    );
    expect(() => parseFilter(`"a"" OR 1=1 --" = 1`)).toThrow(
      expect.objectContaining({ code: "INVALID_SEARCH_PARAMS" }),
    );
    const evil: FilterNode = { kind: "leaf", field: "x') OR TRUE --", operator: "eq", value: 1 };
    await expect(matchingNode(evil)).rejects.toMatchObject({ code: "INVALID_SEARCH_PARAMS" });
    const params: unknown[] = [];
    const where = compileFilter(parseFilter({ secret_field_name: "value_text" }), columns, params);
    expect(where).not.toContain("secret_field_name");
    expect(where).not.toContain("value_text");
    expect(params).toContainEqual(["secret_field_name"]);
  });
});

describe("ISO dates in PostgreSQL", () => {
  it("agrees with PostgreSQL, and every accepted string casts without error", async () => {
    const texts = isoDateCandidates.map(([text]) => text);
    const found = await sql.query<{ text: string; valid: boolean; at: Date | null }>(
      `SELECT s.text, ${isIsoDateSql("s.text")} AS valid,
        CASE WHEN ${isIsoDateSql("s.text")} THEN ${timestampSql("s.text")} END AS at
       FROM unnest($1::text[]) AS s(text)`,
      [texts],
    );
    for (const row of found) {
      expect(row.valid).toBe(isIsoDate(row.text));
      expect(row.at !== null).toBe(row.valid);
    }
  });

  it("reads a date-time without an offset as UTC", async () => {
    const [row] = await sql.query<{ local: Date; utc: Date }>(
      `SELECT ${timestampSql("'2024-01-15T10:00:00'::text")} AS local, ${timestampSql("'2024-01-15T10:00:00Z'::text")} AS utc`,
    );
    expect(row?.local.toISOString()).toBe(row?.utc.toISOString());
  });
});

describe("index use", () => {
  it("lets an exact match on a metadata-only field use the GIN index on metadata", async () => {
    await sql.query(
      "CREATE INDEX IF NOT EXISTS filter_scratch_metadata_idx ON filter_scratch USING gin (metadata jsonb_path_ops)",
    );
    const params: unknown[] = [];
    const where = compileFilter(parseFilter({ "author.name": "Bob", year: 2021 }), columns, params);
    const plan = await sql.withSystem(async (tx) => {
      await tx.query("SET LOCAL enable_seqscan = off");
      return tx.query<{ "QUERY PLAN": string }>(
        `EXPLAIN SELECT id FROM filter_scratch v WHERE ${where}`,
        params,
      );
    });
    expect(plan.map((line) => line["QUERY PLAN"]).join("\n")).toContain("filter_scratch_metadata_idx");
    expect(await matching({ "author.name": "Bob", year: 2021 })).toEqual(["r2"]);
  });
});

describe("hand-built trees", () => {
  it("rejects a leaf whose value does not suit its operator", async () => {
    const node: FilterNode = { kind: "leaf", field: "type", operator: "in", value: "pdf" };
    await expect(matchingNode(node)).rejects.toMatchObject({ code: "INVALID_SEARCH_PARAMS" });
  });

  it("appends to existing parameters", async () => {
    const params: unknown[] = ["r1"];
    const where = compileFilter(parseFilter({ type: "pdf" }), columns, params);
    const found = await sql.query<{ id: string }>(
      `SELECT id FROM filter_scratch v WHERE id <> $1 AND ${where}`,
      params,
    );
    expect(found.map((row) => row.id)).toEqual(["r3"]);
  });
});
