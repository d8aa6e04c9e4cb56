import { describe, expect, it } from "vitest";
import { renormaliseHybridWeights, validateHybridWeights } from "./validate-hybrid-weights.js";

const invalid = expect.objectContaining({ code: "INVALID_SEARCH_PARAMS" });

describe("validateHybridWeights (requirement 19)", () => {
  it.each([
    [0.5, 0.5],
    [0.505, 0.5],
    [1, 0],
    [0, 1],
    [0.3, 0.7],
  ])("accepts %d/%d", (vector, text) => {
    expect(() => validateHybridWeights(vector, text)).not.toThrow();
  });

  it("rejects .7/.2 with the spec's message", () => {
    expect(() => validateHybridWeights(0.7, 0.2)).toThrow(
      expect.objectContaining({
        code: "INVALID_SEARCH_PARAMS",
        message: "Vector weight and text weight must sum to 1.0",
      }),
    );
  });

  it.each([
    [0, 0],
    [1.5, -0.5],
    [Number.NaN, 1],
    [0.52, 0.5],
  ])("rejects %d/%d", (vector, text) => {
    expect(() => validateHybridWeights(vector, text)).toThrow(invalid);
  });
});

describe("renormaliseHybridWeights (G24)", () => {
  it("renormalises off-sum weights to vw/(vw+tw) and 1 − that", () => {
    const weights = renormaliseHybridWeights(0.6, 0.2);
    expect(weights.vector).toBeCloseTo(0.75, 12);
    expect(weights.text).toBeCloseTo(0.25, 12);
  });

  it("rejects 0/0 instead of dividing by zero", () => {
    expect(() => renormaliseHybridWeights(0, 0)).toThrow(invalid);
  });
});
