import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeXlsx } from "../../testing/fixtures/office-fixtures.js";
import { type FixtureDir, makeFixtureDir } from "../../testing/fixtures/text-fixtures.js";
import { segmentProblems } from "../text/segment-problems.js";
import { defaultExtractionLimits } from "../types.js";
import { createXlsxExtractor, extractXlsx } from "./extract-xlsx.js";

let fixtures: FixtureDir;
beforeAll(async () => {
  fixtures = await makeFixtureDir();
});
afterAll(async () => {
  await fixtures.cleanup();
});

describe("extractXlsx", () => {
  it("writes each data row as a line with its sheet and row, and describes the columns", async () => {
    const xlsx = await makeXlsx([
      {
        name: "People",
        rows: [
          ["Name", "Age", "Joined", "Active", "Score", "Unused"],
          ["Ada", 36, new Date("1842-07-10T00:00:00Z"), true, 9.5, null],
          ["Bob", 41, null, false, 7, null],
        ],
      },
      { name: "Notes & More", rows: [["Topic"], ["Budget"]] },
    ]);
    const result = await extractXlsx(await fixtures.write("book.xlsx", xlsx), defaultExtractionLimits);
    expect(result.format).toBe("xlsx");
    expect(result.pageCount).toBe(2);
    expect(segmentProblems(result.text, result.segments)).toEqual([]);
    expect(
      result.segments.map((segment) => [
        segment.sheet,
        segment.row,
        result.text.slice(segment.start, segment.end),
      ]),
    ).toEqual([
      ["People", 2, "Name: Ada; Age: 36; Joined: 1842-07-10; Active: true; Score: 9.5"],
      ["People", 3, "Name: Bob; Age: 41; Active: false; Score: 7"],
      ["Notes & More", 2, "Topic: Budget"],
    ]);
    expect(result.schemaInfo).toEqual({
      sheets: [
        {
          name: "People",
          columns: [
            { name: "Name", type: "string", non_empty: 2 },
            { name: "Age", type: "integer", non_empty: 2 },
            { name: "Joined", type: "date", non_empty: 1 },
            { name: "Active", type: "boolean", non_empty: 2 },
            { name: "Score", type: "number", non_empty: 2 },
            { name: "Unused", type: "empty", non_empty: 0 },
          ],
          row_count: 2,
        },
        { name: "Notes & More", columns: [{ name: "Topic", type: "string", non_empty: 1 }], row_count: 1 },
      ],
    });
  });

  it("caps rows per sheet with a warning but counts them all", async () => {
    const rows = [["n"], ...Array.from({ length: 20 }, (_, i) => [i])];
    const extract = createXlsxExtractor({ maxRowsPerSheet: 5 });
    const result = await extract(
      await fixtures.write("big.xlsx", await makeXlsx([{ name: "Data", rows }])),
      defaultExtractionLimits,
    );
    expect(result.segments).toHaveLength(5);
    expect(result.schemaInfo?.sheets[0]?.row_count).toBe(20);
    expect(result.warnings).toEqual(['Sheet "Data" has 20 rows; only the first 5 were extracted as text']);
  });

  it("says a workbook without values is empty", async () => {
    const path = await fixtures.write("blank.xlsx", await makeXlsx([{ name: "Blank", rows: [] }]));
    await expect(extractXlsx(path, defaultExtractionLimits)).rejects.toMatchObject({ reason: "empty" });
  });
});
