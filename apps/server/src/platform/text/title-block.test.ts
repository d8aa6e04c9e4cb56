import { describe, expect, it } from "vitest";
import { maxTitleBlockChars, titleBlockEnd, titleOf } from "./title-block.js";

describe("title block", () => {
  it("is the first paragraph, on one line, without heading marks", () => {
    const text = "# Kestrel HT-40 Heat Pump\n\n## Manual\n\nThe unit heats water.";
    expect(titleBlockEnd(text)).toBe("# Kestrel HT-40 Heat Pump".length);
    expect(titleOf(text)).toBe("Kestrel HT-40 Heat Pump");
    expect(titleOf("ALDER STREET GARDEN\nRules, 2024 Season\n \nEvery gardener signs.")).toBe(
      "ALDER STREET GARDEN Rules, 2024 Season",
    );
  });

  it("stops before the first line that holds a sentence: the title block may go on about the document", () => {
    const report =
      "Meridian County Public Library: Annual Report, Fiscal Year 2023\nCovering July 2022. Presented to the\nBoard.\n\nText.";
    expect(titleBlockEnd(report)).toBe(report.indexOf("\n\n"));
    expect(titleOf(report)).toBe("Meridian County Public Library: Annual Report, Fiscal Year 2023");
    expect(titleOf("Welcome. This guide explains the park.\n\nText.")).toBeNull();
  });

  it("is absent when the first paragraph is long, or the text is one paragraph", () => {
    const long = `${"word ".repeat(maxTitleBlockChars / 4)}\n\nMore.`;
    expect(titleBlockEnd(long)).toBe(0);
    expect(titleOf(long)).toBeNull();
    expect(titleOf("Only one paragraph, no blank line after it.")).toBeNull();
    expect(titleOf("\n\nStarts with a blank line.")).toBeNull();
    expect(titleOf("#\n\nA lone heading mark.")).toBeNull();
  });
});
