import { describe, expect, it } from "vitest";
import { spendLevel, spentPercent } from "./spend-level";

describe("spendLevel", () => {
  it("is ok below the alert threshold, near from it, over from the limit", () => {
    expect(spendLevel(7.99, 10, 0.8)).toBe("ok");
    expect(spendLevel(8, 10, 0.8)).toBe("near");
    expect(spendLevel(10, 10, 0.8)).toBe("over");
    expect(spendLevel(12, 10, 0.8)).toBe("over");
  });

  it("treats any spending under a $0 limit as over", () => {
    expect(spendLevel(0, 0, 0.8)).toBe("ok");
    expect(spendLevel(0.01, 0, 0.8)).toBe("over");
  });
});

describe("spentPercent", () => {
  it("gives whole percent, uncapped", () => {
    expect(spentPercent(84.2, 100)).toBe(84);
    expect(spentPercent(15, 10)).toBe(150);
    expect(spentPercent(0, 0)).toBe(0);
    expect(spentPercent(1, 0)).toBe(100);
  });
});
