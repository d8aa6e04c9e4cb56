import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOdt } from "../../testing/fixtures/office-fixtures.js";
import { type FixtureDir, makeFixtureDir } from "../../testing/fixtures/text-fixtures.js";
import { segmentProblems } from "../text/segment-problems.js";
import { defaultExtractionLimits } from "../types.js";
import { extractOdt } from "./extract-odt.js";
import { odtContentToText } from "./odt-content-to-text.js";

let fixtures: FixtureDir;
beforeAll(async () => {
  fixtures = await makeFixtureDir();
});
afterAll(async () => {
  await fixtures.cleanup();
});

describe("extractOdt", () => {
  it("reads headings by outline level, spaces, tabs, line breaks, lists and tables", async () => {
    const odt = await makeOdt([
      { paragraph: "Opening words." },
      { heading: "Chapter one", level: 1 },
      { paragraph: "Wide   gap\tand tab\nnew line" },
      { heading: "Section", level: 2 },
      { list: ["apples", "pears"] },
      {
        table: [
          ["Key", "Value"],
          ["a", "1"],
        ],
      },
      { heading: "Chapter two", level: 1 },
      { paragraph: "Fin & <done>" },
    ]);
    const result = await extractOdt(await fixtures.write("doc.odt", odt), defaultExtractionLimits);
    expect(result.format).toBe("odt");
    expect(result.text).toBe(
      "Opening words.\n\nChapter one\n\nWide   gap\tand tab\nnew line\n\nSection\n\n- apples\n- pears\n\nKey\tValue\na\t1\n\nChapter two\n\nFin & <done>",
    );
    expect(segmentProblems(result.text, result.segments)).toEqual([]);
    expect(result.segments.map((segment) => segment.headingPath)).toEqual([
      [],
      ["Chapter one"],
      ["Chapter one", "Section"],
      ["Chapter two"],
    ]);
  });

  it("leaves out comments and tracked deletions", () => {
    const xml = `<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text>
      <text:tracked-changes><text:changed-region><text:deletion><text:p>deleted words</text:p></text:deletion></text:changed-region></text:tracked-changes>
      <text:p>Kept<office:annotation><text:p>a comment</text:p></office:annotation> text</text:p>
    </office:text></office:body></office:document-content>`;
    expect(odtContentToText(xml).text).toBe("Kept text");
  });
});
