import { describe, expect, it } from "vitest";
import { explainFusion } from "./explain-fusion.js";
import { fuseRankings } from "./fuse-rankings.js";

describe("explainFusion (spec §5.5, G29)", () => {
  const weights = { vector: 0.5, text: 0.5 };
  const fused = fuseRankings({
    vector: [{ id: "a", score: 0.9 }],
    text: [
      { id: "a", score: 2 },
      { id: "b", score: 1 },
    ],
    method: "reciprocal_rank_fusion",
    weights,
  });

  it("reports the spec's keys with string values", () => {
    const [a] = fused;
    if (!a) throw new Error("no fused hit");
    expect(explainFusion(a, "reciprocal_rank_fusion", weights)).toEqual({
      method: "hybrid_search",
      vector_score: "0.9",
      text_score: "2",
      fusion_method: "reciprocal_rank_fusion",
      vector_weight: "0.5",
      text_weight: "0.5",
      final_score: String(1 / 61),
      vector_rank: "1",
      text_rank: "1",
    });
  });

  it("reports a missing component as score 0 without a rank", () => {
    const b = fused.find((hit) => hit.id === "b");
    if (!b) throw new Error("no fused hit b");
    const explanation = explainFusion(b, "reciprocal_rank_fusion", weights);
    expect(explanation.vector_score).toBe("0");
    expect(explanation).not.toHaveProperty("vector_rank");
    expect(Object.values(explanation).every((value) => typeof value === "string")).toBe(true);
  });
});
