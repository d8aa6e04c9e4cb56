import { describe, expect, it } from "vitest";
import { fusionMethods, parseFusionMethod } from "./parse-fusion-method.js";

describe("parseFusionMethod", () => {
  it.each(fusionMethods)("accepts the spec name %s", (name) => {
    expect(parseFusionMethod(name)).toBe(name);
  });

  it.each([
    ["rrf", "reciprocal_rank_fusion"],
    ["weighted", "weighted_sum"],
    ["combsum", "comb_sum"],
    ["combmnz", "comb_mnz"],
    ["borda", "borda_count"],
  ])("accepts the short name %s", (alias, name) => {
    expect(parseFusionMethod(alias)).toBe(name);
  });

  it.each(["max", "", "RRF", "toString", "__proto__"])("rejects %j with INVALID_SEARCH_PARAMS", (name) => {
    expect(() => parseFusionMethod(name)).toThrow(expect.objectContaining({ code: "INVALID_SEARCH_PARAMS" }));
  });
});
