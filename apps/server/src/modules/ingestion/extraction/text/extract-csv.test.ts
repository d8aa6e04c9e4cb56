import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CSV_SEMICOLON,
  CSV_WITH_BOM,
  type FixtureDir,
  makeCsv,
  makeFixtureDir,
} from "../../testing/fixtures/text-fixtures.js";
import { defaultExtractionLimits } from "../types.js";
import { createCsvExtractor, extractCsv } from "./extract-csv.js";
import { segmentProblems } from "./segment-problems.js";

let fixtures: FixtureDir;
beforeAll(async () => {
  fixtures = await makeFixtureDir();
});
afterAll(async () => {
  await fixtures.cleanup();
});

const EXPECTED_SCHEMA = {
  sheets: [
    {
      name: "csv",
      columns: [
        { name: "Name", type: "string", non_empty: 4 },
        { name: "Age", type: "integer", non_empty: 4 },
        { name: "Member", type: "boolean", non_empty: 4 },
        { name: "Joined", type: "date", non_empty: 4 },
        { name: "Note", type: "string", non_empty: 3 },
      ],
      row_count: 4,
    },
  ],
};

describe("extractCsv", () => {
  it.each([
    ["comma with BOM", CSV_WITH_BOM],
    ["semicolon", CSV_SEMICOLON],
  ])("writes one self-describing line per row (%s)", async (_, csv) => {
    const result = await extractCsv(await fixtures.write("table.csv", csv), defaultExtractionLimits);
    expect(result.format).toBe("csv");
    expect(segmentProblems(result.text, result.segments)).toEqual([]);
    const rows = result.segments.map((segment) => ({
      row: segment.row,
      sheet: segment.sheet,
      line: result.text.slice(segment.start, segment.end),
    }));
    expect(rows[0]).toEqual({
      row: 2,
      sheet: undefined,
      line: "Name: Ada Lovelace; Age: 36; Member: true; Joined: 1842-07-10; Note: First program",
    });
    // The quoted line break stays inside its row; the quoted comma does not split a field.
    expect(rows[1]?.line).toContain("Note: Wrote COBOL");
    expect(rows[2]?.line).toContain("Note: Computable numbers, and more");
    expect(rows[3]).toEqual({
      row: 5,
      sheet: undefined,
      line: "Name: Katherine Johnson; Age: 101; Member: true; Joined: 1953-06-15",
    });
    expect(result.schemaInfo).toEqual(EXPECTED_SCHEMA);
  });

  it("caps the rows written as text, still counting them all, with a warning", async () => {
    const rows = [["id", "value"], ...Array.from({ length: 10 }, (_, i) => [String(i), `${i}.5`])];
    const extract = createCsvExtractor({ maxRows: 3 });
    const result = await extract(await fixtures.write("many.csv", makeCsv(rows)), defaultExtractionLimits);
    expect(result.segments).toHaveLength(3);
    expect(result.schemaInfo?.sheets[0]).toMatchObject({
      row_count: 10,
      columns: [
        { name: "id", type: "integer" },
        { name: "value", type: "number" },
      ],
    });
    expect(result.warnings[0]).toMatch(/10 rows; only the first 3/);
  });
});
