import { describe, expect, it } from "vitest";
import { checkBundledEvalSet, limits } from "./check-questions.js";

describe("the bundled assistant evaluation set", () => {
  it("has enough questions, documents of real length, and gold passages copied verbatim", async () => {
    const check = await checkBundledEvalSet();
    expect(check.problems).toEqual([]);
    expect(check.answerable).toBeGreaterThanOrEqual(limits.minAnswerable);
    expect(check.unanswerable).toBeGreaterThanOrEqual(limits.minUnanswerable);
  });
});
