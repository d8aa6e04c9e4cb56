import { describe, expect, it } from "vitest";
import type { EmbeddingModelInfo, EmbeddingService } from "./embedding-port.js";
import { listEmbeddingModels } from "./list-embedding-models.js";

const lexical: EmbeddingModelInfo = {
  name: "lexical-hash-v1",
  provider: "lexical",
  dimensions: 384,
  fallback: true,
};
const encoder: EmbeddingModelInfo = {
  name: "universal-sentence-encoder-lite",
  provider: "sentence_encoder",
  dimensions: 512,
  fallback: false,
};

function serviceWith(defaultModel: EmbeddingModelInfo, models: EmbeddingModelInfo[]): EmbeddingService {
  return {
    defaultModel,
    models: () => models,
    describe: (name) => models.find((model) => model.name === name),
    embed: () => Promise.reject(new Error("not used")),
    close: () => Promise.resolve(),
  };
}

describe("listEmbeddingModels", () => {
  it("puts the configured default first and keeps the lexical fallback listed", () => {
    const { data } = listEmbeddingModels(serviceWith(encoder, [lexical, encoder]));
    expect(data.map((model) => [model.name, model.default, model.fallback])).toEqual([
      ["universal-sentence-encoder-lite", true, false],
      ["lexical-hash-v1", false, true],
    ]);
    expect(data[0]).toMatchObject({ provider: "sentence_encoder", dimensions: 512 });
  });
});
