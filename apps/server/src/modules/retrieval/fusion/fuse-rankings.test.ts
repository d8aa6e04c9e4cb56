import { describe, expect, it } from "vitest";
import { type FusedHit, fuseRankings, type RankedHit } from "./fuse-rankings.js";
import type { FusionMethod } from "./parse-fusion-method.js";

const even = { vector: 0.5, text: 0.5 };

function scores(hits: readonly FusedHit[]): Record<string, number> {
  return Object.fromEntries(hits.map((hit) => [hit.id, hit.score]));
}

function hits(...entries: [string, number][]): RankedHit[] {
  return entries.map(([id, score]) => ({ id, score }));
}

describe("weighted_sum (requirement 16)", () => {
  it("min-max normalises each list: V={a:.9,b:.5}, T={b:.8,c:.4} at .6/.4 gives a=.6, b=.4, c=0", () => {
    const fused = fuseRankings({
      vector: hits(["a", 0.9], ["b", 0.5]),
      text: hits(["b", 0.8], ["c", 0.4]),
      method: "weighted_sum",
      weights: { vector: 0.6, text: 0.4 },
    });
    expect(fused.map((hit) => hit.id)).toEqual(["a", "b", "c"]);
    expect(fused[0]?.score).toBeCloseTo(0.6, 12);
    expect(fused[1]?.score).toBeCloseTo(0.4, 12);
    expect(fused[2]?.score).toBe(0);
    expect(fused.map((hit) => hit.rank)).toEqual([1, 2, 3]);
  });

  it("normalises an all-equal list to 1.0", () => {
    const fused = fuseRankings({
      vector: hits(["a", 0.3], ["b", 0.3]),
      text: [],
      method: "weighted_sum",
      weights: { vector: 1, text: 0 },
    });
    expect(scores(fused)).toEqual({ a: 1, b: 1 });
  });

  it("keeps the components a hit came from", () => {
    const [b] = fuseRankings({
      vector: hits(["b", 0.5]),
      text: hits(["x", 0.9], ["b", 0.8]),
      method: "weighted_sum",
      weights: even,
    }).filter((hit) => hit.id === "b");
    expect(b?.vector).toEqual({ score: 0.5, rank: 1 });
    expect(b?.text).toEqual({ score: 0.8, rank: 2 });
  });
});

describe("reciprocal_rank_fusion (requirement 17)", () => {
  it("gives rank 1 in both lists at .5/.5 exactly 1/61", () => {
    const [top] = fuseRankings({
      vector: hits(["a", 0.9]),
      text: hits(["a", 3.2]),
      method: "reciprocal_rank_fusion",
      weights: even,
    });
    expect(top?.score).toBeCloseTo(1 / 61, 12);
    // .5/61 is an exact halving of 1/61 in binary floating point, so the sum is exactly 1/61.
    expect(top?.score).toBe(1 / 61);
  });

  it("gives rank 2 in the text list only w_t/62", () => {
    const fused = fuseRankings({
      vector: hits(["a", 0.9]),
      text: hits(["a", 3], ["b", 2]),
      method: "reciprocal_rank_fusion",
      weights: { vector: 0.7, text: 0.3 },
    });
    expect(scores(fused).b).toBeCloseTo(0.3 / 62, 12);
  });

  it("honours another k", () => {
    const [top] = fuseRankings({
      vector: hits(["a", 1]),
      text: [],
      method: "reciprocal_rank_fusion",
      weights: { vector: 1, text: 0 },
      rrfK: 10,
    });
    expect(top?.score).toBeCloseTo(1 / 11, 12);
  });
});

describe("comb_sum, comb_mnz and borda_count (requirement 18)", () => {
  it("comb_sum adds weighted raw scores", () => {
    const fused = fuseRankings({
      vector: hits(["a", 0.8], ["b", 0.2]),
      text: hits(["b", 0.9]),
      method: "comb_sum",
      weights: { vector: 0.6, text: 0.4 },
    });
    expect(scores(fused).a).toBeCloseTo(0.48, 12);
    expect(scores(fused).b).toBeCloseTo(0.6 * 0.2 + 0.4 * 0.9, 12);
  });

  it("comb_mnz at .5/.5 with .8/.6 gives (.4+.3)×2 = 1.4", () => {
    const [top] = fuseRankings({
      vector: hits(["a", 0.8]),
      text: hits(["a", 0.6]),
      method: "comb_mnz",
      weights: even,
    });
    expect(top?.score).toBeCloseTo(1.4, 12);
  });

  it("comb_mnz skips scores ≤ 0 (they neither add nor count as a list)", () => {
    const fused = fuseRankings({
      vector: hits(["a", 0.8], ["b", -0.2]),
      text: hits(["a", 0], ["b", 0.6]),
      method: "comb_mnz",
      weights: even,
    });
    expect(scores(fused).a).toBeCloseTo(0.4, 12);
    expect(scores(fused).b).toBeCloseTo(0.3, 12);
  });

  it("borda_count at .5/.5: first in V (length 3) and second in T (length 2) gives 2.0", () => {
    const fused = fuseRankings({
      vector: hits(["a", 0.9], ["b", 0.8], ["c", 0.7]),
      text: hits(["z", 5], ["a", 4]),
      method: "borda_count",
      weights: even,
    });
    expect(scores(fused).a).toBeCloseTo(2, 12);
    expect(scores(fused).c).toBeCloseTo(0.5, 12);
  });
});

describe("empty and degenerate lists (G23)", () => {
  const methods: FusionMethod[] = [
    "weighted_sum",
    "reciprocal_rank_fusion",
    "comb_sum",
    "comb_mnz",
    "borda_count",
  ];

  it.each(methods)("%s fuses the survivor when one list is empty", (method) => {
    const fromVector = fuseRankings({
      vector: hits(["a", 0.9], ["b", 0.5]),
      text: [],
      method,
      weights: even,
    });
    expect(fromVector.map((hit) => [hit.id, hit.rank, hit.text])).toEqual([
      ["a", 1, null],
      ["b", 2, null],
    ]);
    const fromText = fuseRankings({ vector: [], text: hits(["c", 2], ["d", 1]), method, weights: even });
    expect(fromText.map((hit) => [hit.id, hit.rank, hit.vector])).toEqual([
      ["c", 1, null],
      ["d", 2, null],
    ]);
  });

  it.each(methods)("%s fuses two empty lists to nothing", (method) => {
    expect(fuseRankings({ vector: [], text: [], method, weights: even })).toEqual([]);
  });

  it("keeps the first occurrence of a repeated id and drops non-finite scores", () => {
    const fused = fuseRankings({
      vector: hits(["a", 0.9], ["a", 0.1], ["n", Number.NaN], ["b", 0.5]),
      text: [],
      method: "reciprocal_rank_fusion",
      weights: even,
    });
    expect(fused.map((hit) => [hit.id, hit.vector?.rank])).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
  });

  it("rejects negative weights and a negative k", () => {
    const base = { vector: hits(["a", 1]), text: [], method: "comb_sum" as const };
    expect(() => fuseRankings({ ...base, weights: { vector: -1, text: 2 } })).toThrow(
      expect.objectContaining({ code: "INVALID_SEARCH_PARAMS" }),
    );
    expect(() => fuseRankings({ ...base, weights: even, rrfK: -1 })).toThrow(
      expect.objectContaining({ code: "INVALID_SEARCH_PARAMS" }),
    );
  });
});

describe("ordering", () => {
  it("ranks 1..n and breaks ties by best component rank, then by id", () => {
    const fused = fuseRankings({
      vector: hits(["v1", 0.5], ["v2", 0.5]),
      text: hits(["t1", 0.5], ["t2", 0.5]),
      method: "comb_sum",
      weights: even,
    });
    expect(fused.map((hit) => [hit.id, hit.rank])).toEqual([
      ["t1", 1],
      ["v1", 2],
      ["t2", 3],
      ["v2", 4],
    ]);
  });

  it("is deterministic whatever the input order of equal hits", () => {
    const run = (ids: string[]) =>
      fuseRankings({
        vector: ids.map((id) => ({ id, score: 1 })),
        text: [],
        method: "weighted_sum",
        weights: even,
      }).map((hit) => hit.id);
    // Equal scores normalise to 1.0; ranks differ by input position, so order follows it.
    expect(run(["b", "a", "c"])).toEqual(["b", "a", "c"]);
    const tied = fuseRankings({
      vector: hits(["b", 1]),
      text: hits(["a", 1]),
      method: "comb_sum",
      weights: even,
    });
    expect(tied.map((hit) => hit.id)).toEqual(["a", "b"]);
  });
});
