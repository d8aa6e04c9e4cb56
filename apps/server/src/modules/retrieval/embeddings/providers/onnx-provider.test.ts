import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../../../../platform/errors/index.js";
import { createLogger } from "../../../../platform/telemetry/logger.js";
import { writeTinyOnnxModel } from "../testing/tiny-onnx-model.js";
import { createOnnxProvider, defaultOnnxEmbeddingModel } from "./onnx-provider.js";

const logger = createLogger("silent");
/** ../shared/models beside the repository (this file is apps/server/src/modules/retrieval/embeddings/providers/). */
const sharedModelDir = fileURLToPath(new URL("../../../../../../../../shared/models", import.meta.url));
const emptyDirs: string[] = [];
afterAll(async () => {
  for (const dir of emptyDirs) await rm(dir, { recursive: true, force: true });
});

describe("the ONNX provider", () => {
  it("stops with a message naming the model, the dir and the fix when the model is absent", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "tributary-models-"));
    emptyDirs.push(dir);
    const error = await createOnnxProvider({
      model: defaultOnnxEmbeddingModel,
      modelDir: dir,
      allowDownload: false,
      dimensions: undefined,
      logger,
    }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    const failure = error as AppError;
    expect(failure.code).toBe("EMBEDDING_FAILED");
    expect(failure.message).toContain(
      `Could not load embedding model ${defaultOnnxEmbeddingModel} from ${dir}`,
    );
    expect(failure.message).toContain("download not allowed");
    expect(failure.message).toContain("EMBEDDING_ALLOW_DOWNLOAD=true");
    expect(failure.message).toContain("EMBEDDING_PROVIDER");
    expect(failure.details).toMatchObject({ provider: "onnx", model_dir: dir, error_type: "model_load" });
  });

  it("loads a model from the model dir and embeds: mean pooled, normalised, in small groups", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "tributary-models-"));
    emptyDirs.push(dir);
    await writeTinyOnnxModel(dir, "tributary/tiny-bert", 32);
    const provider = await createOnnxProvider({
      model: "tributary/tiny-bert",
      modelDir: dir,
      allowDownload: false,
      dimensions: undefined,
      logger,
    });
    try {
      expect(provider.model).toEqual({
        name: "tributary/tiny-bert",
        provider: "onnx",
        dimensions: 32,
        fallback: false,
      });
      const texts = Array.from({ length: 40 }, (_, index): string =>
        index % 2 === 0 ? "How do I reset my password?" : "the weather is sunny today",
      );
      texts[1] = "steps to reset your account password";
      const vectors = await provider.embedBatch(texts);
      expect(vectors).toHaveLength(40);
      const dot = (x: number[] = [], y: number[] = []) =>
        x.reduce((sum, value, index) => sum + value * (y[index] ?? 0), 0);
      expect(dot(vectors[0], vectors[0])).toBeCloseTo(1, 5);
      expect(dot(vectors[0], vectors[38])).toBeCloseTo(1, 5);
      expect(dot(vectors[0], vectors[1])).toBeGreaterThan(dot(vectors[0], vectors[3]));
    } finally {
      await provider.close();
    }
    const mismatch = await createOnnxProvider({
      model: "tributary/tiny-bert",
      modelDir: dir,
      allowDownload: false,
      dimensions: 384,
      logger,
    }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(String(mismatch)).toContain(
      "EMBEDDING_DIMENSIONS is 384 but model tributary/tiny-bert produces 32",
    );
  });

  // A real model needs its files under ../shared/models (beside the repository, where the test
  // models live): Xenova/all-MiniLM-L6-v2/{config.json, tokenizer.json, onnx/model.onnx}.
  const hasModel = existsSync(path.join(sharedModelDir, defaultOnnxEmbeddingModel, "config.json"));
  if (!hasModel) {
    console.info(
      `skipping the ONNX model test: no ${defaultOnnxEmbeddingModel} under ${sharedModelDir} ` +
        "(these machines have no embedding model and cannot reach the model hub)",
    );
  }
  it.skipIf(!hasModel)(
    "embeds with a local all-MiniLM-L6-v2: 384-d, normalised, paraphrases close",
    async () => {
      const provider = await createOnnxProvider({
        model: defaultOnnxEmbeddingModel,
        modelDir: sharedModelDir,
        allowDownload: false,
        dimensions: undefined,
        logger,
      });
      try {
        expect(provider.model).toEqual({
          name: defaultOnnxEmbeddingModel,
          provider: "onnx",
          dimensions: 384,
          fallback: false,
        });
        const [a, b, c] = await provider.embedBatch([
          "How do I reset my password?",
          "I forgot my login credentials",
          "The weather is sunny today",
        ]);
        const dot = (x: number[] = [], y: number[] = []) =>
          x.reduce((sum, value, index) => sum + value * (y[index] ?? 0), 0);
        expect(dot(a, a)).toBeCloseTo(1, 4);
        expect(dot(a, b)).toBeGreaterThan(dot(a, c));
      } finally {
        await provider.close();
      }
    },
  );
});
