import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../../../platform/sql/index.js";
import { createLogger } from "../../../platform/telemetry/logger.js";
import { openTestSql } from "../../../testing/test-sql.js";
import type { EmbeddingService } from "../embeddings/embedding-port.js";
import { createEmbeddingService } from "../embeddings/embedding-service.js";
import { passageSentences } from "../embeddings/passage-sentences.js";
import { testEmbeddingConfig } from "../testing/test-embedding-config.js";
import { rerankApplies, rerankBySentences } from "./rerank-by-sentences.js";
import type { SpacePassage } from "./space-search-port.js";

const config = testEmbeddingConfig({ provider: "sentence_encoder", maxConcurrent: 2, maxRetries: 0 });

let sql: Sql;
let embeddings: EmbeddingService;
let tenantCounter = 0;
const newTenant = () => `tenant_rerank_${Date.now()}_${++tenantCounter}`;

beforeAll(async () => {
  sql = await openTestSql("pglite");
  embeddings = await createEmbeddingService({ config, sql, logger: createLogger("silent") });
});
afterAll(async () => {
  await embeddings?.close();
  await sql?.close();
});

function passage(index: number, content: string): SpacePassage {
  return {
    rank: index,
    score: 1 / (60 + index),
    scores: { vector: 0.5, text: 0.5, sentence: null },
    chunk_id: `chunk-${index}`,
    chunk_index: index - 1,
    document_id: "doc-1",
    document_name: "water-handbook.md",
    document_title: null,
    notebook_id: "notebook-1",
    content,
    page: null,
    heading_path: [],
    start_offset: 0,
    end_offset: content.length,
    language: "en",
  };
}

describe("sentence-pooled embedding (the bundled sentence encoder)", () => {
  it("embeds each sentence through the cache and pools them into the passage's vector", async () => {
    const tenantId = newTenant();
    const text = "The main plant treats river water.\nIt can treat 18 million gallons a day.";
    const [pooled] = (await embeddings.embed({ tenantId, texts: [text] })).vectors;
    const sentences = passageSentences(text).map((sentence) => sentence.text);
    const again = await embeddings.embed({ tenantId, texts: sentences });
    expect(again.cached).toBe(sentences.length);
    const mean = (again.vectors[0] ?? []).map((value, i) => value + (again.vectors[1]?.[i] ?? 0));
    const norm = Math.hypot(...mean);
    mean.forEach((value, i) => {
      expect(pooled?.[i]).toBeCloseTo(value / norm, 5);
    });
    expect((await embeddings.embed({ tenantId, texts: [text] })).cached).toBe(1);
  });
});

describe("rerankBySentences", () => {
  const question = "I rent my flat. Must I pay money up front to start water service?";
  const passages = [
    passage(1, "Meters are read every two months. Bills can be paid at City Hall."),
    passage(2, "The city supplies 41,300 connections. Water comes from two sources."),
    passage(
      3,
      "Billing is every two months.\nTenants who open an account in their own name pay a security deposit of $75.",
    ),
    passage(4, "The wellfield has six wells along the river."),
  ];

  it("brings up the passage whose one sentence answers a paraphrased question, and scores every sentence", async () => {
    const tenantId = newTenant();
    await embeddings.embed({ tenantId, texts: passages.map((p) => p.content) });
    const reranked = await rerankBySentences(
      { embeddings, tenantId, model: embeddings.defaultModel.name, query: question, depth: 3 },
      passages,
    );
    // Fused with the search's order (RRF), the answering passage passes the one ranked above it.
    const order = reranked.map((p) => p.chunk_id);
    expect(order.indexOf("chunk-3")).toBeLessThan(order.indexOf("chunk-2"));
    const bestScores = reranked.slice(0, 3).map((p) => p.scores.sentence ?? 0);
    expect(reranked[order.indexOf("chunk-3")]?.scores.sentence).toBe(Math.max(...bestScores));
    // Only the first `depth` are re-ranked; the rest keep their places, unscored.
    expect(reranked[3]?.chunk_id).toBe("chunk-4");
    expect(reranked[3]?.scores.sentence).toBeNull();
    const answer = reranked[order.indexOf("chunk-3")];
    const best = [...(answer?.sentences ?? [])].sort((a, b) => b.score - a.score)[0];
    expect(answer?.content.slice(best?.start, best?.end)).toBe(
      "Tenants who open an account in their own name pay a security deposit of $75.",
    );
    expect(answer?.scores.sentence).toBeCloseTo(best?.score ?? 0, 5);
  });

  it("reads the sentences ingestion embedded from the cache", async () => {
    const tenantId = newTenant();
    await embeddings.embed({ tenantId, texts: [...passages.map((p) => p.content), question] });
    const sentences = passages.flatMap((p) => passageSentences(p.content).map((s) => s.text));
    const lookup = await embeddings.embed({ tenantId, texts: [question, ...sentences] });
    expect(lookup.cached).toBe(sentences.length + 1);
  });
});

describe("rerankApplies", () => {
  const model = (provider: "sentence_encoder" | "onnx" | "lexical") => ({
    name: provider,
    provider,
    dimensions: 8,
    fallback: provider === "lexical",
  });
  it("re-ranks when asked over a semantic model; auto only where ingestion cached the sentences", () => {
    expect(rerankApplies(true, model("onnx"))).toBe(true);
    expect(rerankApplies("auto", model("onnx"))).toBe(false);
    expect(rerankApplies("auto", model("sentence_encoder"))).toBe(true);
    expect(rerankApplies(true, model("lexical"))).toBe(false);
    expect(rerankApplies(false, model("sentence_encoder"))).toBe(false);
    expect(rerankApplies(undefined, model("sentence_encoder"))).toBe(false);
  });
});
