import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { testServices } from "../../../../../config/test-services.js";

/** The repository's root (this file is apps/server/src/modules/gateway/upstream/local/testing/). */
const repoRoot = new URL("../../../../../../../../", import.meta.url);

/**
 * The tiny llama-2 GGUF with random weights (../shared/models, beside the repository; see its
 * README): it loads and generates in about 150 ms a token on one core, and writes gibberish, so
 * tests assert mechanics only. TRIBUTARY_TEST_GGUF_MODEL points elsewhere.
 */
export const testModelPath =
  testServices().ggufModelPath ??
  fileURLToPath(new URL("../shared/models/llama-2-tiny-random.gguf", repoRoot));

/** Why the local-model tests cannot run here, or undefined when they can. */
export function testModelSkipReason(): string | undefined {
  if (!existsSync(testModelPath)) return `no test model at ${testModelPath} (set TRIBUTARY_TEST_GGUF_MODEL)`;
  return undefined;
}

/** A `local` provider declaration (TRIBUTARY_PROVIDERS item) serving the test model as `tiny`. */
export function localTestProvider(overrides: Record<string, unknown> = {}) {
  return {
    name: "local",
    type: "local",
    model_path: testModelPath,
    context_size: 256,
    gpu: false,
    threads: 1,
    models: ["tiny"],
    ...overrides,
  };
}
